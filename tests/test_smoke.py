import cleaner


def test_clean_removes_support_banner() -> None:
    body = "The body of the article is a sentence long enough to be prose, which anchors the page."
    result = cleaner.clean(f"Support SouthFront\n\n{body}\n")
    assert result.text == body + "\n"
    assert result.removed[0]["rule"] == "southfront.support-banner"
