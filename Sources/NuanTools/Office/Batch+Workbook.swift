import Foundation
#if canImport(Glibc)
import Glibc
#endif
import NuanSupport
import NuanOffice

/// `.xlsx` in and out of a batch run. The pipeline reads and writes bytes: a workbook archive
/// is converted to the CSV of its sheet in an anonymous scratch file first (so a damaged
/// workbook stops the run before anything is decided), and decisions for a workbook are
/// collected as CSV in another and turned into the workbook when the run ends, before the
/// outputs are put in place together.
extension Batch {
    static func workbookInput(_ options: inout BatchOptions) -> Result<AnonymousFile, WorkbookFailure> {
        guard let data = FileManager.default.contents(atPath: options.input) else {
            return .failure(WorkbookFailure("无法读取工作簿 \(options.input)：\(String(cString: strerror(errno)))"))
        }
        let converted: WorkbookArchive.Converted
        switch WorkbookArchive.csv(from: [UInt8](data), sheet: options.sheet) {
        case .failure(let e): return .failure(WorkbookFailure("工作簿 \(options.input)：\(e.description)"))
        case .success(let c): converted = c
        }
        guard let file = AnonymousFile.create(in: AnonymousFile.folder(of: options.output)), file.write(converted.csv), file.rewind() else {
            return .failure(WorkbookFailure("无法为工作簿准备临时文件：\(String(cString: strerror(errno)))"))
        }
        options.inputDescriptor = file.fd
        options.inputFormat = .csv
        options.encoding = .utf8
        options.lineOffset = converted.headerRow - 1
        return .success(file)
    }

    struct WorkbookFailure: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }
}

extension BatchPipeline {
    /// The real output is staged as usual; the decisions' CSV goes to a scratch file.
    func openWorkbookOutput() -> String? {
        if let e = openStagedOutput() { return e }
        guard let scratch = AnonymousFile.create(in: AnonymousFile.folder(of: options.output)) else {
            return "无法为工作簿准备临时文件：\(String(cString: strerror(errno)))"
        }
        workbookFD = outFD
        workbookScratch = scratch
        outFD = scratch.fd
        return nil
    }

    /// The collected CSV becomes the workbook, written to the staged output.
    func finishWorkbook() {
        guard let scratch = workbookScratch else { return }
        defer { scratch.close(); workbookScratch = nil; outFD = workbookFD }
        guard failure == nil else { return }
        guard let csv = scratch.readAll() else { failure = "读取临时文件失败：\(String(cString: strerror(errno)))"; return }
        switch DecisionWorkbook.xlsx(fromCSV: csv) {
        case .failure(let e): failure = "无法写成工作簿：\(e.description)"
        case .success(let bytes):
            outFD = workbookFD
            if !bytes.withUnsafeBufferPointer({ writeAll($0.baseAddress!, $0.count) }) {
                failure = "写入输出失败：\(String(cString: strerror(errno)))"
            }
        }
    }

    /// A run that fails before it starts (the archive cannot be read): nothing is written.
    func failed(_ why: Batch.WorkbookFailure) -> BatchResult {
        failure = why.message
        return result()
    }
}
