"""A local RFC 3161 timestamp authority for tests and the demo: `openssl ts -reply` behind a tiny
HTTP server on loopback, with a self-signed TSA certificate made at setup.

WHY: an evidence pack is timestamped by a TSA the lender configures (a commercial or a
notary's TSA in production); tests and the demo must not depend on the internet, so they run
this one as a separate process and verify its tokens with its certificate exactly as an officer
would verify a real TSA's.

Run: python -m qinglang.evidence.local_tsa --dir D [--port 0]; it prints
`listening http://127.0.0.1:PORT/` once ready. D holds tsa.key, tsa.crt (give it to verify-pack
as --tsa-cert), tsa.cnf and the serial file.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

_CONFIG = """\
[ tsa ]
default_tsa = tsa_config1

[ tsa_config1 ]
dir = {dir}
serial = {dir}/serial
crypto_device = builtin
signer_cert = {dir}/tsa.crt
certs = {dir}/tsa.crt
signer_key = {dir}/tsa.key
signer_digest = sha256
default_policy = 1.2.156.1.1
other_policies = 1.2.156.1.2
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = yes
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
"""


def setup(directory: Path) -> Path:
    """Make the TSA's key, self-signed certificate (extendedKeyUsage critical timeStamping) and
    openssl config in `directory` unless they are there; returns the certificate's path."""
    directory.mkdir(parents=True, exist_ok=True)
    cert = directory / "tsa.crt"
    if not cert.exists():
        subprocess.run(
            [
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:P-256",
                "-nodes",
                "-keyout",
                str(directory / "tsa.key"),
                "-out",
                str(cert),
                "-days",
                "3650",
                "-subj",
                "/C=CN/O=qinglang demo/CN=qinglang local TSA",
                "-addext",
                "extendedKeyUsage=critical,timeStamping",
                "-addext",
                "keyUsage=critical,digitalSignature,nonRepudiation",
            ],
            check=True,
            capture_output=True,
            timeout=60,
        )
    (directory / "tsa.cnf").write_text(_CONFIG.format(dir=directory.resolve()), encoding="utf-8")
    serial = directory / "serial"
    if not serial.exists():
        serial.write_text("01\n", encoding="utf-8")
    return cert


def reply(directory: Path, query: bytes) -> bytes:
    """The DER TimeStampResp `openssl ts -reply` gives for a DER TimeStampReq."""
    with tempfile.TemporaryDirectory() as tmp:
        q, r = Path(tmp) / "q.tsq", Path(tmp) / "r.tsr"
        q.write_bytes(query)
        done = subprocess.run(
            [
                "openssl",
                "ts",
                "-reply",
                "-config",
                str(directory / "tsa.cnf"),
                "-queryfile",
                str(q),
                "-out",
                str(r),
            ],
            capture_output=True,
            timeout=60,
            check=False,
        )
        if done.returncode != 0 or not r.exists():
            raise RuntimeError(done.stderr.decode(errors="replace"))
        return r.read_bytes()


def make_server(directory: Path, port: int = 0) -> ThreadingHTTPServer:
    lock = threading.Lock()  # the serial file is read and rewritten by each reply

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (http.server's name)
            length = int(self.headers.get("Content-Length") or 0)
            if self.headers.get("Content-Type") != "application/timestamp-query" or not 0 < length < 65536:
                self.send_error(400, "expected an application/timestamp-query body")
                return
            try:
                with lock:
                    body = reply(directory, self.rfile.read(length))
            except RuntimeError as exc:
                self.send_error(500, str(exc)[:200])
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            return

    return ThreadingHTTPServer(("127.0.0.1", port), Handler)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", type=Path, required=True)
    ap.add_argument("--port", type=int, default=0)
    args = ap.parse_args(argv)
    setup(args.dir)
    server = make_server(args.dir, args.port)
    print(f"listening http://127.0.0.1:{server.server_address[1]}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:  # pragma: no cover
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main(sys.argv[1:])
