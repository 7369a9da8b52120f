"""Account groups by shared contacts and the contact index of complaints."""

from qinglang.posts.linking import account_groups, complaint_index


def test_accounts_sharing_a_contact_are_grouped_transitively():
    posts = [
        ("p1", "抖音/甲", [("wechat", "abc123")]),
        ("p2", "快手/乙", [("wechat", "abc123"), ("phone", "+8613912345678")]),
        ("p3", "微博/丙", [("phone", "+8613912345678")]),
        ("p4", "知乎/丁", [("wechat", "zzz999")]),
        ("p5", "知乎/戊", [("url", "example.com")]),
        ("p6", "知乎/己", [("url", "example.com")]),
    ]
    groups = account_groups(posts)
    assert len(groups) == 1  # urls do not link accounts (shared platforms would merge everyone)
    g = groups[0]
    assert g["accounts"] == ["微博/丙", "快手/乙", "抖音/甲"] or set(g["accounts"]) == {
        "抖音/甲",
        "快手/乙",
        "微博/丙",
    }
    assert g["post_ids"] == ["p1", "p2", "p3"]
    assert "wechat:abc123" in g["contacts"] and g["group_id"] == "G0001"


def test_same_account_posting_twice_is_not_a_group():
    posts = [("p1", "抖音/甲", [("qq", "12345")]), ("p2", "抖音/甲", [("qq", "12345")])]
    assert account_groups(posts) == []


def test_complaint_index():
    idx = complaint_index(
        [
            ("c1", [("phone", "+8613912345678"), ("phone", "+8613912345678")]),
            ("c2", [("phone", "+8613912345678")]),
            ("c3", [("url", "x.com")]),
        ]
    )
    assert idx["phone:+8613912345678"] == ["c1", "c2"]
    assert "url:x.com" not in idx
