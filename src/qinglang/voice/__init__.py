"""Voiceprints of answered collection calls (issue 16): one voice answering for many borrowers.

A lender's collectors call borrowers; an agency that has taken over borrowers' phones (call
forwarding, 呼叫转移) answers many of those calls with the same few people. This package turns
each answered call's recording into one speaker embedding and groups the calls by voice; the
call-record signals (qinglang.calls) decide which groups span unrelated borrowers.

    from qinglang.voice.pipeline import voice_groups, VoiceGroup
    groups = voice_groups({call_id: Path("rec/123.wav"), ...})  # -> list[VoiceGroup]
    # mono recordings: pass the lender's own voices so a collector does not group their calls
    groups = voice_groups(recordings, staff={"collector-07": Path("staff/07.wav")})

Modules: audio (read, resample, volume, VAD), mel (librosa-exact mel spectrogram in numpy),
encoder (resemblyzer's GE2E encoder ported to numpy), pipeline (embed + cluster), synth
(espeak-ng + sox stand-in recordings for tests and evaluations).

Licence: the encoder weights (ge2e_encoder.npz) are converted from resemblyzer 0.1.4's
pretrained.pt, (c) Resemble AI, Apache-2.0; the licence text is RESEMBLYZER_LICENSE.txt here.

Privacy: a voiceprint is biometric, sensitive personal data under PIPL (敏感个人信息, art. 28).
Audio is read, embedded and dropped; only embeddings and pseudonymous voice ids leave
(docs/voice.md).
"""
