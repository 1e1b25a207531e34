"""Every Vietnamese vowel with every tone mark: the oracle for folding, in Python
(tests/vietnamese/) and in the browser's JavaScript twin (tests/search/test_search_js.py)."""

# Every Vietnamese vowel with each of the five tone marks (plus the unmarked form).
VOWELS = {
    "a": "aàáảãạ", "ă": "ăằắẳẵặ", "â": "âầấẩẫậ", "e": "eèéẻẽẹ", "ê": "êềếểễệ",
    "i": "iìíỉĩị", "o": "oòóỏõọ", "ô": "ôồốổỗộ", "ơ": "ơờớởỡợ", "u": "uùúủũụ",
    "ư": "ưừứửữự", "y": "yỳýỷỹỵ",
}
BASE = {"a": "a", "ă": "a", "â": "a", "e": "e", "ê": "e", "i": "i", "o": "o", "ô": "o",
        "ơ": "o", "u": "u", "ư": "u", "y": "y"}
ALL_FORMS = [(form, BASE[v]) for v, forms in VOWELS.items() for form in forms]
