// Extraction: plain text in, entities and relations with evidence out.
//
// A pure per-document step: it knows nothing of storage, and its output for a
// document depends only on that document's text and the loaded rules. The
// relation patterns and the schema (each relation type's domain and range) are
// data files loaded at start-up, so a user adds a pattern or a relation type
// without recompiling; see docs/rules.md.
//
// Thread-safety: an Extractor is immutable once created; Extract() may be
// called from several threads at once.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "kgraph/model.h"
#include "kgraph/status.h"

namespace kgraph {

struct ExtractorOptions {
    // Relation patterns and schema. Empty: the files installed with kgraph
    // (KGRAPH_DATA_DIR, else the installed data folder of data_files.h, else
    // the source tree's extract/data).
    std::filesystem::path rules_file;
    std::filesystem::path schema_file;
    // The tagger and parser model. Empty: nlp::DefaultModelPath().
    std::filesystem::path parser_model;
    // The English word list that tells names from common words. Empty:
    // /usr/share/dict/words (Debian package wamerican). A missing list is
    // not an error but changes results: see Extractor::Warnings().
    std::filesystem::path word_list;
};

// Why extraction did what it did, sentence by sentence (`kgraph extract
// --explain`). Filled only when the caller asks for it.
struct SentenceExplanation {
    std::size_t start = 0, end = 0;  // byte offsets in the document
    std::string text;
    std::vector<std::string> entities;  // "Scale AI (Organization)" ...
    std::vector<std::string> accepted;  // "Meta invests-in Scale AI [rule invest-in-verb]"
    std::vector<std::string> rejected;  // candidate and the reason it was dropped
    // The dependency parse, a "deprel(head-i, word-j) UPOS lemma" line per
    // word; empty when the sentence was not parsed (no trigger word in it).
    std::string parse;
};
struct Explanation {
    std::vector<SentenceExplanation> sentences;
};

// Counts for the ingest summary.
struct ExtractionCounts {
    std::size_t sentences = 0;
    std::size_t relations = 0;
    std::size_t rejected_by_schema = 0;
};

class Extractor {
public:
    static Result<std::unique_ptr<Extractor>> Create(const ExtractorOptions& options);
    virtual ~Extractor() = default;

    // Entities and relations of one document. `explanation` and `counts`
    // may be null.
    virtual DocumentFacts Extract(const Document& document, Explanation* explanation = nullptr,
                                  ExtractionCounts* counts = nullptr) const = 0;

    // What the facts depend on besides the text: a hash of the bytes of the
    // rules, schema, parser model and word list loaded (12 hex digits).
    // Extract() stores it in DocumentFacts::extractor, so that facts found
    // with other data files can be told apart and extracted again. A change
    // of the code alone does not change it (`kgraph ingest --reextract`).
    virtual const std::string& Version() const = 0;
    // Why results differ from a fully equipped extractor's (no word list),
    // one sentence each; empty when nothing is missing.
    virtual const std::vector<std::string>& Warnings() const = 0;
};

namespace extract {
class RuleSet;
}

// Checks facts extracted elsewhere (`ingest --facts`) before they are
// stored: every field within what model.h allows (offsets in order,
// confidence 0..1, percent 0..100, finite amounts, ISO dates, names of at
// most kMaxNameBytes), every predicate a relation type of the schema, its
// ends of the types of its domain and range, and only the attributes it
// takes. Thread-safe once loaded.
class FactsChecker {
public:
    // Empty paths: the installed files, as for ExtractorOptions.
    static Result<std::unique_ptr<FactsChecker>> Load(const std::filesystem::path& rules_file,
                                                      const std::filesystem::path& schema_file);
    ~FactsChecker();
    // InvalidArgument saying what is wrong with which entity or relation.
    Status Check(const DocumentFacts& facts) const;

private:
    explicit FactsChecker(std::unique_ptr<extract::RuleSet> rules);
    std::unique_ptr<extract::RuleSet> rules_;
};

// The relation types the schema of `options` declares (parser_model is not
// used), sorted by name: what a predicate may be.
Result<std::vector<std::string>> RelationTypes(const ExtractorOptions& options = {});

// Reads one file as a Document. Refuses (InvalidArgument, naming the file and
// the reason) binary content (NUL bytes) and files that are not text; text
// with a UTF-16 byte order mark is decoded; invalid UTF-8 is repaired
// (U+FFFD) and reported through `warning`, naming the first bad byte offset.
// Document::source is the path with each byte that is not UTF-8 written as
// "\xNN", so that every output can print it. NotFound / IOError for missing
// or unreadable paths.
Result<Document> ReadDocument(const std::filesystem::path& path, std::string* warning = nullptr);

// The documents under some roots, one at a time: for each root in turn, the
// root itself when it is a file (or "-", standard input), else every regular
// file under it in a format kgraph reads (FormatOfPath in
// document_formats.h), sorted by path (as std::filesystem::path orders them),
// following directory symlinks but entering each real directory once. The
// other files it passes are counted, so that none is skipped silently.
//
// Only the folders on the way down are held, as sorted lists of the names
// that matter, so walking a corpus of millions of files in many folders
// costs the memory of its largest folder, not of its file list.
class DocumentWalk {
public:
    explicit DocumentWalk(std::vector<std::filesystem::path> roots);

    // The next file, or nullopt after the last one. NotFound names a root
    // that does not exist; IOError a directory that cannot be listed (a
    // directory that may not be read is skipped, and added to unreadable()).
    Result<std::optional<std::filesystem::path>> Next();
    // The directories skipped so far because they may not be read: the rest
    // of a corpus is still found, and the caller names these to the user.
    const std::vector<std::filesystem::path>& unreadable() const { return unreadable_; }

    // The regular files in the folders entered so far that are in no format
    // kgraph reads, and the paths of the first few of them.
    std::size_t unread_files() const { return unread_files_; }
    const std::vector<std::filesystem::path>& first_unread_files() const { return first_unread_files_; }

private:
    struct Folder {
        struct Child {
            std::string name;
            bool directory = false;
        };
        std::filesystem::path path;
        std::vector<Child> children;  // sorted by name; only directories and files in a format kgraph reads
        std::size_t next = 0;
    };
    Status Enter(const std::filesystem::path& directory);
    void NoteUnread(const std::filesystem::path& file);

    std::vector<std::filesystem::path> roots_;
    std::size_t next_root_ = 0;
    std::vector<Folder> open_;                  // the folders on the way down, innermost last
    std::set<std::filesystem::path> entered_;   // canonical directories of the current root
    std::vector<std::filesystem::path> unreadable_;
    std::size_t unread_files_ = 0;
    std::vector<std::filesystem::path> first_unread_files_;
};

// How many files a DocumentWalk of `roots` yields, or its first error: a
// progress bar's total, found before anything is done with them.
Result<std::size_t> CountDocuments(const std::vector<std::filesystem::path>& roots);

// Every file DocumentWalk yields for `root`, in its order.
Result<std::vector<std::filesystem::path>> ListDocuments(const std::filesystem::path& root);

}  // namespace kgraph
