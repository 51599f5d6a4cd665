#include "cli_harness.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

namespace fs = std::filesystem;

namespace kgraph::test {
namespace {

std::vector<std::string> Argv(const TempDir& dir, const std::vector<std::string>& args, bool pass_db = true) {
    std::vector<std::string> argv{std::getenv("KGRAPH_BIN")};
    if (pass_db) argv.insert(argv.end(), {"--db", dir.db().string()});
    argv.insert(argv.end(), args.begin(), args.end());
    return argv;
}

// fork + exec without a shell, so arguments need no quoting.
pid_t Spawn(const std::vector<std::string>& argv, const fs::path& out, const fs::path& err,
            const fs::path& in = "/dev/null") {
    const pid_t pid = fork();
    if (pid != 0) return pid;
    const int in_fd = open(in.c_str(), O_RDONLY);
    const int out_fd = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err_fd = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(in_fd, 0);
    dup2(out_fd, 1);
    dup2(err_fd, 2);
    std::vector<char*> raw;
    for (const std::string& arg : argv) raw.push_back(const_cast<char*>(arg.c_str()));
    raw.push_back(nullptr);
    execv(raw[0], raw.data());
    _exit(127);
}

}  // namespace

TempDir::TempDir() {
    std::random_device random;
    path_ = fs::temp_directory_path() / ("kgraph-test-" + std::to_string(random()) + std::to_string(random()));
    fs::create_directories(path_);
}

TempDir::~TempDir() {
    std::error_code ignored;
    fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ignored);
    fs::remove_all(path_, ignored);
}

Run Kgraph(const TempDir& dir, const std::vector<std::string>& args, bool pass_db) {
    Run run;
    run.exit_code = WaitFor(Spawn(Argv(dir, args, pass_db), dir / "stdout", dir / "stderr"));
    run.out = Slurp(dir / "stdout");
    run.err = Slurp(dir / "stderr");
    return run;
}

Run KgraphReading(const TempDir& dir, const std::vector<std::string>& args, const fs::path& input) {
    Run run;
    run.exit_code = WaitFor(Spawn(Argv(dir, args), dir / "stdout", dir / "stderr", input));
    run.out = Slurp(dir / "stdout");
    run.err = Slurp(dir / "stderr");
    return run;
}

pid_t StartKgraph(const TempDir& dir, const std::vector<std::string>& args) {
    return Spawn(Argv(dir, args), dir / "bg.out", dir / "bg.err");
}

int WaitFor(pid_t pid) {
    int status = 0;
    waitpid(pid, &status, 0);
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    return WIFSIGNALED(status) ? -WTERMSIG(status) : -1;
}

Run Shell(const std::string& command) {
    Run run;
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    REQUIRE(pipe != nullptr);
    char buffer[4096];
    for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) run.out.append(buffer, n);
    const int status = pclose(pipe);
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

std::string Slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

std::size_t Lines(const std::string& text) {
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

void RequireCleanFailure(const Run& run, const std::string& expected_words) {
    INFO("stderr: " << run.err);
    CHECK(run.exit_code > 0);
    CHECK(Lines(run.err) == 1);
    CHECK(run.err.rfind("kgraph: ", 0) == 0);
    CHECK(run.err.find(expected_words) != std::string::npos);
    CHECK(run.err.find("RocksDB") == std::string::npos);
    CHECK(run.err.find("terminate") == std::string::npos);
}

}  // namespace kgraph::test
