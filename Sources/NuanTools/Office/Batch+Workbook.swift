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
    /// A workbook is read whole (its ZIP directory is at the end): at most this many bytes.
    static let maxWorkbookBytes = 1 << 30

    static func workbookInput(_ options: inout BatchOptions) -> Result<AnonymousFile, WorkbookFailure> {
        // only a regular file of bounded size: `/dev/zero` or a pipe named .xlsx would never end
        var st = stat()
        guard stat(options.input, &st) == 0 else {
            return .failure(WorkbookFailure(.Batch.cannotReadWorkbook(options.input, String(cString: strerror(errno))), options))
        }
        guard (st.st_mode & S_IFMT) == S_IFREG else { return .failure(WorkbookFailure(.Batch.workbookNotAFile(options.input), options)) }
        guard Int(st.st_size) <= maxWorkbookBytes else {
            return .failure(WorkbookFailure(.Batch.workbookTooLarge(options.input, mib: maxWorkbookBytes >> 20), options))
        }
        guard let data = FileManager.default.contents(atPath: options.input) else {
            return .failure(WorkbookFailure(.Batch.cannotReadWorkbook(options.input, String(cString: strerror(errno))), options))
        }
        let converted: WorkbookArchive.Converted
        switch WorkbookArchive.csv(from: [UInt8](data), sheet: options.sheet) {
        case .failure(let e): return .failure(WorkbookFailure(.Batch.badWorkbook(options.input, e.description), options))
        case .success(let c): converted = c
        }
        guard let file = AnonymousFile.create(in: AnonymousFile.folder(of: options.output)), file.write(converted.csv), file.rewind() else {
            return .failure(WorkbookFailure(.Batch.noScratchFile(String(cString: strerror(errno))), options))
        }
        options.inputDescriptor = file.fd
        options.inputFormat = .csv
        options.encoding = .utf8
        options.lineOffset = converted.headerRow - 1
        return .success(file)
    }

    struct WorkbookFailure: Error {
        var message: String
        init(_ message: Message, _ options: BatchOptions) { self.message = message.text(english: options.english) }
    }
}

extension BatchPipeline {
    /// The real output is staged as usual; the decisions' CSV goes to a scratch file.
    func openWorkbookOutput() -> String? {
        if let e = openStagedOutput() { return e }
        guard let scratch = AnonymousFile.create(in: AnonymousFile.folder(of: options.output)) else {
            return Message.Batch.noScratchFile(String(cString: strerror(errno))).text(english: options.english)
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
        guard let csv = scratch.readAll() else { failure = Message.Batch.scratchReadFailed(String(cString: strerror(errno))).text(english: options.english); return }
        switch DecisionWorkbook.xlsx(fromCSV: csv) {
        case .failure(let e): failure = Message.Batch.cannotWriteWorkbook(e.description).text(english: options.english)
        case .success(let bytes):
            outFD = workbookFD
            if !bytes.withUnsafeBufferPointer({ writeAll($0.baseAddress!, $0.count) }) {
                failure = Message.Batch.writeFailed(String(cString: strerror(errno))).text(english: options.english)
            }
        }
    }

    /// A run that fails before it starts (the archive cannot be read): nothing is written.
    func failed(_ why: Batch.WorkbookFailure) -> BatchResult {
        failure = why.message
        return result()
    }
}
