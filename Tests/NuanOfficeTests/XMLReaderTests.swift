import XCTest
@testable import NuanOffice

final class XMLReaderTests: XCTestCase {
    private func events(_ xml: String, maxDepth: Int = 100) throws -> [XMLEvent] {
        var reader = try XMLReader(Array(xml.utf8), part: "t.xml", maxDepth: maxDepth)
        var out: [XMLEvent] = []
        while let e = try reader.next() { out.append(e) }
        return out
    }

    func testElementsAttributesAndPrefixes() throws {
        let got = try events(#"<?xml version="1.0"?><!-- c --><x:a xmlns:x="u" r:id='7' b="&lt;&amp;&quot;"><b/>t</x:a>"#)
        XCTAssertEqual(got, [
            .start(XMLElement(name: "a", attributes: [XMLAttribute(name: "id", value: "7"), XMLAttribute(name: "b", value: "<&\"")])),
            .start(XMLElement(name: "b", attributes: [])), .end("b"),
            .text("t"), .end("a"),
        ])
    }

    func testEntitiesAndCDATA() throws {
        let got = try events("<t>&#20013;&#x6587; &apos;a&gt;<![CDATA[<b>&amp;]]></t>")
        XCTAssertEqual(got, [.start(XMLElement(name: "t", attributes: [])), .text("中文 'a>"), .text("<b>&amp;"), .end("t")])
    }

    func testLineEndsNormalized() throws {
        XCTAssertEqual(try events("<t>a\r\nb\rc&#13;\n</t>")[1], .text("a\nb\nc\r\n"))
    }

    func testMalformed() {
        for xml in ["<a>", "<a></b>", "<a b=c/>", "<a>&bogus;</a>", "<a>&#0;</a>", "<a>&#xD800;</a>", "<a>&amp</a>",
                    "<a b=\"x/>", "text<a/>", "<a><![CDATA[x</a>", "<a><!-- x</a>", "</a>"] {
            assertOfficeError(.xmlMalformed) { try self.events(xml) }
        }
        assertOfficeError(.xmlMalformed) {
            var reader = try XMLReader([0x3C, 0x61, 0x3E, 0xFF, 0x3C, 0x2F, 0x61, 0x3E], part: "t.xml")
            while try reader.next() != nil {}
        }
    }

    func testDoctypeRefused() {
        // The billion-laughs attack needs a DTD; none is accepted.
        assertOfficeError(.xmlDoctype) { try self.events(#"<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>"#) }
    }

    func testDepthLimit() throws {
        XCTAssertNoThrow(try events(String(repeating: "<a>", count: 10) + String(repeating: "</a>", count: 10), maxDepth: 10))
        let deep = String(repeating: "<a>", count: 100_000) + String(repeating: "</a>", count: 100_000)
        let error = assertOfficeError(.xmlTooDeep) { try self.events(deep) }
        XCTAssertEqual(error?.entry, "t.xml")
    }

    func testXStringEscapes() {
        XCTAssertEqual(XStringEscape.decode("a_x000D_b_x005F_x0041_"), "a\rb_x0041_")
        let tricky = "a\u{1}b_x0041_c"
        XCTAssertEqual(XStringEscape.decode(XStringEscape.encode(tricky)), tricky)
        XCTAssertEqual(XStringEscape.encode("plain_x"), "plain_x")
    }
}
