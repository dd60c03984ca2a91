#!/usr/bin/env python3
"""Makes the NuanOffice test fixtures. Run once from this folder; the outputs are committed so
CI needs neither python's zlib nor openpyxl:

    python3 make_fixtures.py        # needs `pip install openpyxl` for the workbooks

deflate/NAME.bin is the original data, deflate/NAME.deflate its raw DEFLATE stream (RFC 1951,
no zlib header) as python's zlib writes it. Everything is deterministic (fixed seeds, no
timestamps in the workbooks), so rerunning gives the same files.
"""
import datetime
import io
import os
import random
import struct
import zipfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))


def write(path, data):
    with open(os.path.join(HERE, path), "wb") as f:
        f.write(data)


def deflate(data, level=6, strategy=zlib.Z_DEFAULT_STRATEGY):
    c = zlib.compressobj(level, zlib.DEFLATED, -15, 9, strategy)
    return c.compress(data) + c.flush()


def deflate_vectors():
    rng = random.Random(1951)
    words = ["申请", "低保", "金额", "income", "household", "1200.50", "<row>", "</c>", " ", "\n"]
    text = "".join(rng.choice(words) for _ in range(60000)).encode("utf-8")
    cases = {
        "empty": (b"", {}),
        "hello": (b"hello, hello, hello world", {}),
        # Z_FIXED forces fixed-Huffman blocks (type 1).
        "fixed": (b"The quick brown fox jumps over the lazy dog. " * 20, {"strategy": zlib.Z_FIXED}),
        # Level 0 writes stored blocks (type 0), several of them past 64 KiB.
        "stored": (bytes(rng.randrange(256) for _ in range(70000)), {"level": 0}),
        # Incompressible data: zlib falls back to stored blocks inside a compressed stream.
        "random": (bytes(rng.randrange(256) for _ in range(5000)), {}),
        # Dynamic-Huffman blocks (type 2), several blocks, long matches and distances up to 32 KiB.
        "text": (text, {"level": 9}),
        "runs": (b"a" * 100000 + b"b" * 3 + b"a" * 1000, {}),
        "xml": (b"".join(b'<row r="%d"><c r="A%d" t="s"><v>%d</v></c></row>' % (i, i, i % 97)
                         for i in range(1, 5000)), {"level": 1}),
    }
    for name, (data, options) in cases.items():
        write(f"deflate/{name}.bin", data)
        write(f"deflate/{name}.deflate", deflate(data, **options))


def fixed_zip_times(path):
    """openpyxl stamps docProps with the current time; rewrite the archive with fixed dates so
    reruns give identical bytes (contents unchanged, still DEFLATE-compressed)."""
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            if name == "docProps/core.xml":
                data = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>openpyxl</dc:creator></cp:coreProperties>'
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    write(path, out.getvalue())


def openpyxl_workbooks():
    import openpyxl
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "申请"
    ws.append(["身份证号", "姓名", "月收入", "申请日期", "在职", "备注"])
    ws.append(["0012345678901234X", "张三", 1200.5, datetime.date(2024, 3, 1), True, "首次"])
    ws.append(["110101199003071234", "李四", 0.1 + 0.2, datetime.datetime(2024, 3, 1, 13, 45, 30), False, None])
    ws.append([])  # row 4 stays empty: openpyxl does not write it
    ws["A5"] = "王五"
    ws["D5"] = datetime.date(1900, 1, 1)
    ws["E5"] = "#N/A"  # openpyxl stores error codes as t="e"
    ws["A6"] = CellRichText([TextBlock(InlineFont(b=True), "加粗"), "普通"])
    ws["B6"] = 1e-05
    ws["C6"] = 12345678901234567890
    ws["D6"] = datetime.date(1900, 2, 28)
    ws["E6"] = "=1+1"  # a formula without a cached value: an empty cell
    ws["A7"] = 42
    ws["B7"] = 3
    ws["B7"].number_format = "0.00"
    ws["C7"] = 45292.75
    ws["C7"].number_format = 'yyyy"年"m"月"d"日" h:mm'
    ws["D7"] = datetime.date(1900, 3, 1)
    ws["E7"] = 0.5
    ws["E7"].number_format = "[h]:mm"  # an elapsed time: read as a time of day
    other = wb.create_sheet("第二页")
    other.append(["x"])
    other.append([7])
    wb.save(os.path.join(HERE, "openpyxl-basic.xlsx"))
    fixed_zip_times("openpyxl-basic.xlsx")

    wb = openpyxl.Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["日期"])
    ws.append([datetime.date(2024, 3, 1)])
    ws.append([datetime.date(1904, 1, 1)])
    wb.save(os.path.join(HERE, "openpyxl-1904.xlsx"))
    fixed_zip_times("openpyxl-1904.xlsx")


def hostile_zips():
    # A zip bomb: 64 MiB of zeros, honestly declared. Refused by the ratio limit before inflating.
    zeros = b"\0" * (64 << 20)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        info = zipfile.ZipInfo("xl/worksheets/sheet1.xml", date_time=(2024, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, zeros)
    write("bomb-ratio.zip", out.getvalue())

    # The same entry but both headers claim 1000 bytes: inflation must stop at the declared size.
    data = bytearray(out.getvalue())
    for sig, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = data.find(sig)
        struct.pack_into("<I", data, at + size_at, 1000)
    write("bomb-lying.zip", bytes(data))


def libreoffice_workbook():
    """LibreOffice's own .xlsx (shared strings, its styles, its ZIP). Skipped without soffice.
    Its docProps carry the conversion time, so a rerun changes the bytes but not the cells."""
    import shutil
    import subprocess
    import tempfile
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("soffice not found: libreoffice-from-csv.xlsx left as it is")
        return
    with tempfile.TemporaryDirectory() as tmp:
        csv = os.path.join(tmp, "libreoffice-from-csv.csv")
        with open(csv, "w", encoding="utf-8") as f:
            f.write("身份证号,姓名,月收入,申请日期,备注\n")
            f.write("0012345678901234X,张三,1200.5,2024-03-01,首次\n")
            f.write("001234,李四,0.3,1999-12-31,\"含,逗号\"\n")
            f.write(",,,,\n")
            f.write("110101199003071234,王五,-7,2024-02-29,最后\n")
        # Column 1 imported as text (keeps leading zeros), column 4 as Y-M-D dates.
        subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp}/profile",
                        "--infilter=CSV:44,34,76,1,1/2/2/1/3/1/4/5/5/2",
                        "--convert-to", "xlsx", "--outdir", tmp, csv], check=True, capture_output=True)
        shutil.copy(os.path.join(tmp, "libreoffice-from-csv.xlsx"), os.path.join(HERE, "libreoffice-from-csv.xlsx"))


if __name__ == "__main__":
    deflate_vectors()
    hostile_zips()
    openpyxl_workbooks()
    libreoffice_workbook()
