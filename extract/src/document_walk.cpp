// Walking folders for documents in a deterministic order without holding
// the whole file list: a depth-first walk that visits each folder's entries
// sorted by name yields exactly the order of sorting every full path, since
// paths compare component by component.
#include <algorithm>
#include <system_error>

#include "kgraph/document_formats.h"
#include "kgraph/extract.h"

namespace kgraph {

namespace fs = std::filesystem;

DocumentWalk::DocumentWalk(std::vector<fs::path> roots) : roots_(std::move(roots)) {}

// Following directory symlinks lets a user point at linked corpora, but a
// link back up the tree would recurse forever: each real directory is
// entered once, identified by its canonical path.
Status DocumentWalk::Enter(const fs::path& directory) {
    std::error_code ec;
    if (!entered_.insert(fs::weakly_canonical(directory, ec)).second) return Status::Ok();
    Folder folder{directory, {}, 0};
    fs::directory_iterator it(directory, ec);
    if (ec == std::errc::permission_denied) {
        unreadable_.push_back(directory);
        return Status::Ok();
    }
    for (const fs::directory_iterator end; !ec && it != end; it.increment(ec)) {
        std::error_code entry_ec;  // an entry that vanished or cannot be stat'ed is not a document
        if (it->is_directory(entry_ec)) {
            folder.children.push_back({it->path().filename().string(), true});
        } else if (it->is_regular_file(entry_ec)) {
            if (FormatOfPath(it->path())) {
                folder.children.push_back({it->path().filename().string(), false});
            } else {
                NoteUnread(it->path());
            }
        }
    }
    if (ec) return Status::IOError(directory.string() + ": cannot list directory: " + ec.message());
    std::sort(folder.children.begin(), folder.children.end(),
              [](const Folder::Child& a, const Folder::Child& b) { return a.name < b.name; });
    open_.push_back(std::move(folder));
    return Status::Ok();
}

void DocumentWalk::NoteUnread(const fs::path& file) {
    constexpr std::size_t kNamed = 5;  // enough to see what kind of files they are
    if (++unread_files_ <= kNamed) first_unread_files_.push_back(file);
}

Result<std::optional<fs::path>> DocumentWalk::Next() {
    while (true) {
        if (open_.empty()) {
            if (next_root_ == roots_.size()) return std::optional<fs::path>();
            const fs::path& root = roots_[next_root_++];
            if (root == kStandardInput) return std::optional<fs::path>(root);
            std::error_code ec;
            const fs::file_status status = fs::status(root, ec);
            if (ec || !fs::exists(status)) return Status::NotFound(root.string() + ": no such file or directory");
            if (!fs::is_directory(status)) return std::optional<fs::path>(root);
            entered_.clear();
            if (Status entered = Enter(root); !entered.ok()) return entered;
            continue;
        }
        Folder& folder = open_.back();
        if (folder.next == folder.children.size()) {
            open_.pop_back();
            continue;
        }
        const Folder::Child& child = folder.children[folder.next++];
        fs::path path = folder.path / child.name;
        if (!child.directory) return std::optional<fs::path>(std::move(path));
        if (Status entered = Enter(path); !entered.ok()) return entered;
    }
}

Result<std::size_t> CountDocuments(const std::vector<fs::path>& roots) {
    DocumentWalk walk(roots);
    for (std::size_t count = 0;; ++count) {
        Result<std::optional<fs::path>> file = walk.Next();
        if (!file.ok()) return file.status();
        if (!*file) return count;
    }
}

Result<std::vector<fs::path>> ListDocuments(const fs::path& root) {
    DocumentWalk walk({root});
    std::vector<fs::path> files;
    while (true) {
        Result<std::optional<fs::path>> file = walk.Next();
        if (!file.ok()) return file.status();
        if (!*file) return files;
        files.push_back(std::move(**file));
    }
}

}  // namespace kgraph
