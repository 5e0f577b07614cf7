"""Legacy encodings (TCVN3, VNI, cp1258) to Unicode: exact round trips through the inverse of
the shipped tables, hand-written encodings from published tables and real-world mojibake (so a
table wrong both ways is caught), detection that never misfires, and font names."""

from __future__ import annotations

import random
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vbhc import legacy as L
from vbhc.grammar import read_table

# --- samples ----------------------------------------------------------------------------------

TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
VOWELS = "aăâeêioôơuưy"
# the 67 lower-case letters outside ASCII: ă â ê ô ơ ư đ and the 60 vowels with a tone
LOWER = "ăâêôơưđ" + "".join(unicodedata.normalize("NFC", v + t) for v in VOWELS for t in TONES[1:])
UPPER = LOWER.upper()
# the letters grouped by family, one word each, as a line of text
LOWER_LINE = " ".join(
    "".join(unicodedata.normalize("NFC", v + t) for t in TONES) for v in VOWELS
) + " đ"
UPPER_LINE = LOWER_LINE.upper()

HEADER = """\
ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 12/KH-UBND
Quảng Ngãi, ngày 05 tháng 3 năm 2025
KẾ HOẠCH
Triển khai thực hiện chuyển đổi số năm 2025 trên địa bàn tỉnh
"""
# "Uỷ ban", the old tone placement of TCVN3-era text: a .VnTime font has no Ủ, so text typed
# in it writes no capital with a tone inside a sentence-case line.
PARAGRAPH = """\
Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;
Uỷ ban nhân dân tỉnh ban hành Kế hoạch triển khai thực hiện như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Bảo đảm việc thực hiện được đồng bộ, hiệu quả; các sở, ban, ngành và Uỷ ban nhân dân các
huyện, thị xã, thành phố phối hợp chặt chẽ, kịp thời.
2. Nâng cao chất lượng, tiết kiệm thời gian xử lý hồ sơ; người dân, doanh nghiệp được hưởng lợi
từ những dịch vụ công trực tuyến, giảm chi phí đi lại.
"""
# A TCVN3 text file converted from Unicode writes Ủ and Ở with the codes of ủ and ở; the
# decoder gives them back at the start of a sentence and in "Ủy ban" (restore_capitals).
EXTRA = """\
3. Ủy ban nhân dân các huyện báo cáo kết quả về Sở Nội vụ trước ngày 15 tháng 12 năm 2025.
Ở những nơi có điều kiện, ưu tiên ứng dụng công nghệ thông tin. Ủy viên thường trực theo dõi.
II. NỘI DUNG THỰC HIỆN
"""
DOCX_DOCUMENT = HEADER + PARAGRAPH
DOCUMENT = HEADER + PARAGRAPH + EXTRA


def test_samples_hold_every_letter():
    assert len(LOWER) == 67 and len(UPPER) == 67
    assert len(set(LOWER + UPPER)) == 134
    assert set(LOWER) <= set(LOWER_LINE) and set(UPPER) <= set(UPPER_LINE)
    assert all(unicodedata.is_normalized("NFC", s) for s in (LOWER, UPPER, DOCUMENT))


# --- encoders: the inverse of the shipped tables ----------------------------------------------

TABLES = read_table("legacy.toml")
TCVN3_INV = {letter: code for code, letter in TABLES["tcvn3"]["map"].items()}
VNI_INV = {letter: seq for seq, letter in TABLES["vni"]["map"].items()}


def test_inverse_tables_are_complete_and_one_to_one():
    assert set(TCVN3_INV) == set(LOWER) | set("ĂÂÊÔƠƯĐ")
    assert len(set(TCVN3_INV.values())) == len(TCVN3_INV) == 74
    assert all(len(c) == 1 and 0xA1 <= ord(c) <= 0xFE for c in TCVN3_INV.values())
    assert set(VNI_INV) == set(LOWER + UPPER) - set("ìíÌÍ")
    assert len(set(VNI_INV.values())) == len(VNI_INV)


def to_tcvn3(text: str) -> str:
    """Unicode → TCVN3 for the .VnTime fonts: lower-case letters and the 7 untoned capitals."""
    out = []
    for ch in text:
        if ch in TCVN3_INV:
            out.append(TCVN3_INV[ch])
        elif ch.isascii():
            out.append(ch)
        else:
            raise ValueError(f"{ch!r} cannot be written in TCVN3 with a lower-case font")
    return "".join(out)


def to_tcvn3_upper(text: str) -> str:
    """Unicode capitals → TCVN3 for the .VnTimeH fonts, typed in lower case as people did."""
    return to_tcvn3(text.lower())


def to_tcvn3_file(text: str) -> str:
    """What a converter (UniKey "TCVN3 (ABC)") writes for Unicode text: a capital with a tone
    takes the code of its lower-case letter."""
    return "".join(TCVN3_INV.get(ch) or TCVN3_INV.get(ch.lower(), ch) for ch in text)


def to_vni(text: str) -> str:
    return "".join(VNI_INV.get(ch, ch) for ch in text)


def to_cp1258(text: str) -> bytes:
    """Unicode → cp1258: a letter the code page has precomposed as itself, any other as its
    base letter (with ^, ˘ or horn, which cp1258 has precomposed) and a combining tone mark."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        nfd = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in nfd if c in "\u0300\u0301\u0303\u0309\u0323")
        base = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in tones))
        out += base.encode("cp1258") + tones.encode("cp1258")
    return bytes(out)


# --- hand-written encodings from the published tables and real documents ----------------------

TCVN3_KNOWN = [
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
    ("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
    ("Sè: 12/KH-UBND", "Số: 12/KH-UBND"),
    ("Qu¶ng Ng·i, ngµy 05 th¸ng 3 n¨m 2025", "Quảng Ngãi, ngày 05 tháng 3 năm 2025"),
    ("Uû ban nh©n d©n", "Uỷ ban nhân dân"),
    ("®\u00ad\u00eec thùc hiÖn", "được thực hiện"),
    ("¡ ¢ £ ¤ ¥ ¦ §", "Ă Â Ê Ô Ơ Ư Đ"),
    ("¨ © ª « ¬ \u00ad ®", "ă â ê ô ơ ư đ"),
    # rows of GNU libiconv lib/tcvn.h (TCVN 5712), an independent transcription
    ("µ¶·¸¹º»¼½¾", "àảãáạẲằẳẵắ"),
    ("ÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×Ø", "ặầẩẫấậèỂẻẽéẹềểễếệìỉ"),
    ("ÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþ", "ĩíịòỔỏõóọồổỗốộờởỡớợùỖủũúụừửữứựỳỷỹýỵ"),
]
TCVN3_UPPER_KNOWN = [
    ("céng hoµ x· héi chñ nghÜa viÖt nam", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("uû ban nh©n d©n tØnh", "UỶ BAN NHÂN DÂN TỈNH"),
    ("KÕ HO¹CH", "KẾ HOẠCH"),
]
VNI_KNOWN = [
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"),
    ("UÛY BAN NHAÂN DAÂN TÆNH QUAÛNG NGAÕI", "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI"),
    ("Soá: 12/KH-UBND", "Số: 12/KH-UBND"),
    ("ngaøy 05 thaùng 3 naêm 2025", "ngày 05 tháng 3 năm 2025"),
    ("ñöôïc thöïc hieän", "được thực hiện"),
    ("Ñieàu 1. Phaïm vi ñieàu chænh", "Điều 1. Phạm vi điều chỉnh"),
    ("ngöôøi, tröôûng, nöôùc, Nhaø nöôùc, quyeát ñònh", "người, trưởng, nước, Nhà nước, quyết định"),
    ("khuyeán, hoaøn thaønh, kòp thôøi, tyû, yù kieán", "khuyến, hoàn thành, kịp thời, tỷ, ý kiến"),
]
CP1258_KNOWN = [
    (b"C\xf4\xf2ng ho\xcca xa\xde h\xf4\xf2i chu\xd2 nghi\xdea Vi\xea\xf2t Nam",
     "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    (b"\xf0\xfd\xf5\xf2c th\xfd\xf2c hi\xea\xf2n", "được thực hiện"),
    (b"\xd0\xf4\xf2c l\xe2\xf2p - T\xfd\xf2 do - Ha\xf2nh ph\xfac", "Độc lập - Tự do - Hạnh phúc"),
]


@pytest.mark.parametrize(("legacy", "unicode"), TCVN3_KNOWN)
def test_tcvn3_known(legacy, unicode):
    assert L.convert(legacy, "tcvn3") == unicode
    assert L.decode_bytes(legacy.encode("cp1252"), "tcvn3") == unicode


@pytest.mark.parametrize(("legacy", "unicode"), TCVN3_UPPER_KNOWN)
def test_tcvn3_upper_known(legacy, unicode):
    assert L.convert(legacy, "tcvn3-upper") == unicode


@pytest.mark.parametrize(("legacy", "unicode"), VNI_KNOWN)
def test_vni_known(legacy, unicode):
    assert L.convert(legacy, "vni") == unicode
    assert L.decode_bytes(legacy.encode("cp1252"), "vni") == unicode


@pytest.mark.parametrize(("legacy", "unicode"), CP1258_KNOWN)
def test_cp1258_known(legacy, unicode):
    assert L.decode_bytes(legacy, "cp1258") == unicode
    assert L.convert(legacy.decode("cp1252", errors="strict"), "cp1258") == unicode


def test_cp1258_letter_may_be_precomposed_or_not():
    assert L.decode_bytes(b"ph\xfac phu\xecc", "cp1258") == "phúc phúc"


def test_hand_written_encodings_agree_with_the_inverse_tables():
    for legacy, unicode in TCVN3_KNOWN[:8]:
        assert to_tcvn3(unicode) == legacy
    for legacy, unicode in VNI_KNOWN:
        assert to_vni(unicode) == legacy
    for legacy, unicode in CP1258_KNOWN:
        assert to_cp1258(unicode) == legacy


# --- exact round trips -------------------------------------------------------------------------


def test_tcvn3_every_letter_round_trips():
    assert L.convert(to_tcvn3(LOWER_LINE), "tcvn3") == LOWER_LINE
    assert L.convert(to_tcvn3_upper(UPPER_LINE), "tcvn3-upper") == UPPER_LINE
    for ch in LOWER:
        assert L.convert(to_tcvn3(ch), "tcvn3") == ch
        assert L.convert(to_tcvn3(ch), "tcvn3-upper") == ch.upper()


def test_tcvn3_docx_runs_round_trip():
    """A DOCX in ABC fonts: lines in capitals set in .VnTimeH, the rest in .VnTime."""
    lines = (DOCX_DOCUMENT + LOWER_LINE + "\n" + UPPER_LINE + "\n").splitlines(keepends=True)
    runs = []
    for line in lines:
        if any(c.islower() for c in line):
            runs.append((".VnTime", to_tcvn3(line)))
        else:
            runs.append((".VnTimeH", to_tcvn3_upper(line)))
    assert {font for font, _ in runs} == {".VnTime", ".VnTimeH"}
    out = "".join(L.convert(text, L.font_encoding(font)) for font, text in runs)
    assert out == "".join(lines)


def test_tcvn3_text_file_round_trips_with_capitals_restored():
    data = to_tcvn3_file(DOCUMENT).encode("cp1252")
    assert b"\xf1Y BAN" in data and b"C\xe9NG H\xdfA X\xb7 H\xe9I" in data  # ủ, ộ, ò, ã: lower-case codes
    assert L.decode_legacy(data) == (DOCUMENT, "tcvn3")
    # without the repair the capitals are what the .VnTime font shows
    assert L.decode_bytes(data, "tcvn3").startswith("ủY BAN NHÂN DÂN\nTỉNH QUảNG NGãI\nCộNG HòA")
    assert "\nở những nơi" in L.decode_bytes(data, "tcvn3")


def test_restore_capitals_leaves_sentence_case_alone():
    for text in ("Số: 12/KH-UBND", "Số: 12/2025/NĐ-CP", "Số 45-KH/TU", "Độc lập - Tự do - Hạnh phúc",
                 "Hà Nội", "Kế hoạch số 5", "Tự do", "Gửi: Sở Tài chính, Sở Nội vụ", "I. Mục đích", "nhà ở",
                 "các xã, phường\nứng dụng công nghệ", "theo ý kiến của Sở; áp dụng"):
        assert L.convert(to_tcvn3_file(text), "tcvn3", repair_case=True) == text


def test_restore_capitals_restores_capitals():
    for text in ("KẾ HOẠCH", "THÀNH PHỐ ĐÀ NẴNG", "CHỦ TỊCH", "I. MỤC ĐÍCH, YÊU CẦU", "TM. ỦY BAN NHÂN DÂN",
                 "ĐẤT Ở", "SỞ TÀI CHÍNH", "BỘ NỘI VỤ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do",
                 "QUYẾT ĐỊNH\nVỀ\nVIỆC BAN HÀNH QUY CHẾ", "Ở đây. Ủy ban nhân dân tỉnh", "- Ứng dụng",
                 "a) Ít nhất", "(2) Áp dụng", "[3] Ý kiến", "Xét đề nghị của Chủ tịch Ủy ban nhân dân"):
        assert L.convert(to_tcvn3_file(text), "tcvn3", repair_case=True) == text, text
    assert L.restore_capitals("Kế HOẠCH") == "KẾ HOẠCH"
    # the white space inside a listed phrase is kept
    assert L.restore_capitals("của ủy\nban nhân dân") == "của Ủy\nban nhân dân"


def test_vni_every_letter_and_document_round_trip():
    for ch in LOWER + UPPER:
        assert L.convert(to_vni(ch), "vni") == ch
    text = DOCUMENT + LOWER_LINE + "\n" + UPPER_LINE + "\nỦy ban, Ủy ban, Ống, Ợt\n"
    assert L.convert(to_vni(text), "vni") == text
    data = to_vni(text).encode("cp1252")
    assert L.decode_bytes(data, "vni") == text
    assert L.decode_legacy(data) == (text, "vni")


def test_vni_mark_of_the_other_case_follows_the_base_letter():
    assert L.convert("Aù Vieät VIEäT", "vni") == "Á Việt VIỆT"


def test_vni_greedy_longest_match():
    # ô alone is ơ; ô followed by a tone mark is ơ with that tone; ö then ô is ươ
    assert L.convert("ô ôù öôø Ö ÖÙ", "vni") == "ơ ớ ườ Ư Ứ"


def test_cp1258_every_letter_and_document_round_trip():
    text = DOCUMENT + LOWER_LINE + "\n" + UPPER_LINE + "\n"
    data = to_cp1258(text)
    # the codec itself yields combining marks: the result must be composed
    assert unicodedata.normalize("NFC", data.decode("cp1258")) == text
    assert data.decode("cp1258") != text
    assert L.decode_bytes(data, "cp1258") == text
    assert L.decode_legacy(data) == (text, "cp1258")
    for ch in LOWER + UPPER:
        assert L.decode_bytes(to_cp1258(ch), "cp1258") == ch


def test_docx_symbol_font_codes():
    # Word may keep the codes of a run at U+F000 + code
    pua = "".join(chr(0xF000 + ord(c)) for c in "Céng hoµ")
    assert L.convert(pua, "tcvn3") == "Cộng hoà"
    pua = "".join(chr(0xF000 + ord(c)) for c in "Coäng hoøa")
    assert L.convert(pua, "vni") == "Cộng hòa"


def test_unknown_encoding():
    with pytest.raises(ValueError):
        L.convert("x", "viscii")
    with pytest.raises(ValueError):
        L.decode_bytes(b"x", "utf-8")


# --- detection ---------------------------------------------------------------------------------


def test_decode_legacy_detects_each_sample():
    for text, encoded, name in (
        (DOCUMENT, to_tcvn3_file(DOCUMENT).encode("cp1252"), "tcvn3"),
        (DOCUMENT, to_vni(DOCUMENT).encode("cp1252"), "vni"),
        (DOCUMENT, to_cp1258(DOCUMENT), "cp1258"),
    ):
        assert L.decode_legacy(encoded) == (text, name)


def test_decode_legacy_short_samples():
    assert L.decode_legacy("Céng hoµ x· héi chñ nghÜa ViÖt Nam".encode("cp1252"))[1] == "tcvn3"
    assert L.decode_legacy("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam".encode("cp1252"))[1] == "vni"
    assert L.decode_legacy(CP1258_KNOWN[0][0])[1] == "cp1258"


ENGLISH = "The Committee approved the plan on 5 March 2025. Résumé, café, naïve — “quoted” text.\n"
OTHER_LATIN1 = [
    "Der Ausschuß hat die Größe der Fläche geprüft und für gut befunden.",
    "Le comité a approuvé le budget de l'année dernière à Genève, déjà très élevé.",
    "El comité está de acuerdo: sí, qué día más largo, también aquí en España.",
    "Nous étions là, près de la forêt, où l'on écoute les oiseaux chanter.",
]


def test_decode_legacy_rejects_what_is_not_legacy_vietnamese():
    assert L.decode_legacy(b"") is None
    assert L.decode_legacy(ENGLISH.encode("cp1252")) is None
    assert L.decode_legacy(b"Plain ASCII text, nothing more.\n") is None
    for text in OTHER_LATIN1:
        assert L.decode_legacy(text.encode("cp1252")) is None, text
    # UTF-8 Vietnamese never reaches it in practice; it must not pass for a legacy encoding
    assert L.decode_legacy(DOCUMENT.encode("utf-8")) is None
    assert L.decode_legacy(DOCUMENT.encode("utf-16")) is None


def test_decode_legacy_random_bytes_are_not_detected():
    rng = random.Random(1258)
    hits = 0
    for _ in range(300):
        blob = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 400)))
        hits += L.decode_legacy(blob) is not None
    assert hits == 0


def test_detect_str():
    assert L.detect_str(to_tcvn3_file(DOCUMENT)) == "tcvn3"
    assert L.detect_str(to_vni(DOCUMENT)) == "vni"
    assert L.detect_str("Céng hoµ x· héi chñ nghÜa ViÖt Nam. §éc lËp - Tù do - H¹nh phóc") == "tcvn3"
    assert L.detect_str("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam. Ñoäc laäp - Töï do - Haïnh phuùc") == "vni"


def test_detect_str_never_fires_on_unicode_or_english():
    assert L.detect_str(DOCUMENT) is None
    assert L.detect_str(unicodedata.normalize("NFD", DOCUMENT)) is None
    assert L.detect_str(LOWER_LINE + "\n" + UPPER_LINE) is None
    assert L.detect_str(ENGLISH) is None
    assert L.detect_str("") is None
    for text in OTHER_LATIN1:
        assert L.detect_str(text) is None
    # Vietnamese that happens to use only Latin-1 letters
    assert L.detect_str("Tôi là người Việt Nam, tôi yêu quê hương. Bà già đi chợ, trời mưa to.") is None
    assert L.detect_str("Chúng tôi đã đến nơi, và các bạn ấy vẫn chờ ở đó từ lâu lắm rồi.") is None


COMMON_WORDS = sorted(set(TABLES["detect"]["common"]))


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from([*COMMON_WORDS, "UBND", "Điều", "12/KH", "2025"]), min_size=1, max_size=40))
def test_detect_str_never_fires_on_unicode_vietnamese(words):
    text = " ".join(words)
    assert L.detect_str(text) is None
    assert L.detect_str(text.upper()) is None


@settings(max_examples=300)
@given(st.binary(max_size=600))
def test_decode_legacy_never_raises(data):
    result = L.decode_legacy(data)
    assert result is None or (isinstance(result[0], str) and result[1] in ("tcvn3", "vni", "cp1258"))


@settings(max_examples=300)
@given(st.text(max_size=300))
def test_str_functions_never_raise(text):
    assert L.detect_str(text) in (None, "tcvn3", "vni")
    for name in L.ENCODINGS:
        assert isinstance(L.convert(text, name), str)
    assert isinstance(L.convert(text, "tcvn3", repair_case=True), str)


@settings(max_examples=200)
@given(st.binary(max_size=300), st.sampled_from(L.ENCODINGS))
def test_decode_bytes_never_raises(data, name):
    assert isinstance(L.decode_bytes(data, name), str)


# --- fonts -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("font", "encoding"), [
    (".VnTime", "tcvn3"),
    (".VnTimeH", "tcvn3-upper"),
    (".VNTimeH", "tcvn3-upper"),
    (".VnArial", "tcvn3"),
    (".VnArialH", "tcvn3-upper"),
    (".VnArial NarrowH", "tcvn3-upper"),
    (".VnCentury Schoolbook", "tcvn3"),
    (".VnCentury SchoolbookH", "tcvn3-upper"),
    (".VnHelvetIns", "tcvn3"),
    (".VnSouth", "tcvn3"),
    ("VNI-Times", "vni"),
    ("VNI-Helve", "vni"),
    ("VNI-Helve-Condense", "vni"),
    ("VNI-Top", "vni"),
    ("Vni-Times", "vni"),
    ("VniHelvetica", "vni"),
    ("Times New Roman", None),
    ("Arial", None),
    ("Vnexpress Sans", None),
    ("VnTime", None),  # BK HCM, not TCVN3
    ("", None),
    (None, None),
])
def test_font_encoding(font, encoding):
    assert L.font_encoding(font) == encoding
