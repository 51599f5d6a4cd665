// Running the real kgraph binary (KGRAPH_BIN) from tests, against a database
// in a temporary folder of the test's own.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace kgraph::test {

// A fresh folder per test, removed at the end.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }
    std::filesystem::path db() const { return path_ / "db"; }

private:
    std::filesystem::path path_;
};

struct Run {
    int exit_code = -1;
    std::string out, err;
};

// Runs `kgraph --db DIR/db ARGS...` to completion, stdin closed. Without
// `pass_db` the --db option is left out, so $KGRAPH_DB or the default applies.
Run Kgraph(const TempDir& dir, const std::vector<std::string>& args, bool pass_db = true);
// As Kgraph, with the file `input` as its standard input.
Run KgraphReading(const TempDir& dir, const std::vector<std::string>& args, const std::filesystem::path& input);

// Starts `kgraph --db DIR/db ARGS...` in the background with stdout and stderr
// to DIR/bg.out and DIR/bg.err; returns its pid.
pid_t StartKgraph(const TempDir& dir, const std::vector<std::string>& args);
// Waits for a background kgraph and returns its exit code (-signal if killed).
int WaitFor(pid_t pid);

// A shell command's stdout and exit code; stderr joins stdout.
Run Shell(const std::string& command);

std::string Slurp(const std::filesystem::path& path);
std::size_t Lines(const std::string& text);

// A failure is one line on stderr that names the problem, not a library's words.
void RequireCleanFailure(const Run& run, const std::string& expected_words);

}  // namespace kgraph::test
