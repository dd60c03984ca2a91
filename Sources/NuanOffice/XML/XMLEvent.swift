/// One step of an XML document as `XMLReader` reports it. Namespace prefixes are dropped
/// (`r:id` → `id`, `x:c` → `c`): SpreadsheetML parts never use two namespaces for one local
/// name where we look, and producers disagree on prefixes.
enum XMLEvent: Equatable {
    case start(XMLElement)
    /// The end of an element (also reported right after a self-closing `<x/>`), by local name.
    case end(String)
    /// Character data with entities resolved; CDATA sections arrive as text too.
    case text(String)
}

/// A start tag: local name and attributes by local name (`xmlns` declarations left out).
struct XMLElement: Equatable {
    let name: String
    let attributes: [String: String]

    subscript(attribute: String) -> String? { attributes[attribute] }
}
