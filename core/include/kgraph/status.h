// Status and Result<T>: how errors cross module boundaries in kgraph.
//
// Libraries never print and never throw across their public API; they return a
// Status (or a Result<T> holding either a value or a non-ok Status). Only cli/
// turns a Status into words on stderr and an exit code. Messages are written
// for the end user: one line, no library jargon, naming the path or entity
// concerned.
//
// Thread-safety: plain values, safe to copy between threads.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace kgraph {

class Status {
public:
    enum class Code {
        kOk,
        kNotFound,         // a path, document or entity that does not exist
        kInvalidArgument,  // bad input from the user: options, names, file content
        kIOError,          // the operating system refused a read or write
        kCorruption,       // stored data that does not satisfy kgraph's invariants
        kBusy,             // another process holds the database
        kVersionMismatch,  // a database written by another schema version
        kInterrupted,      // the user asked to stop (SIGINT)
    };

    Status() = default;
    static Status Ok() { return {}; }
    static Status NotFound(std::string msg) { return {Code::kNotFound, std::move(msg)}; }
    static Status InvalidArgument(std::string msg) { return {Code::kInvalidArgument, std::move(msg)}; }
    static Status IOError(std::string msg) { return {Code::kIOError, std::move(msg)}; }
    static Status Corruption(std::string msg) { return {Code::kCorruption, std::move(msg)}; }
    static Status Busy(std::string msg) { return {Code::kBusy, std::move(msg)}; }
    static Status VersionMismatch(std::string msg) { return {Code::kVersionMismatch, std::move(msg)}; }
    static Status Interrupted(std::string msg) { return {Code::kInterrupted, std::move(msg)}; }

    bool ok() const { return code_ == Code::kOk; }
    bool IsNotFound() const { return code_ == Code::kNotFound; }
    bool IsInvalidArgument() const { return code_ == Code::kInvalidArgument; }
    bool IsIOError() const { return code_ == Code::kIOError; }
    bool IsCorruption() const { return code_ == Code::kCorruption; }
    bool IsBusy() const { return code_ == Code::kBusy; }
    bool IsVersionMismatch() const { return code_ == Code::kVersionMismatch; }
    bool IsInterrupted() const { return code_ == Code::kInterrupted; }

    Code code() const { return code_; }
    const std::string& message() const { return message_; }
    // "not found: <message>" and so on; "ok" for success.
    std::string ToString() const;

private:
    Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}
    Code code_ = Code::kOk;
    std::string message_;
};

// Either a T or the Status saying why there is none. A Result built from an ok
// Status is a programming error.
template <typename T>
class Result {
public:
    Result(T value) : state_(std::move(value)) {}  // NOLINT: implicit by design
    Result(Status status) : state_(std::move(status)) {  // NOLINT: implicit by design
        assert(!std::get<Status>(state_).ok());
    }

    bool ok() const { return std::holds_alternative<T>(state_); }
    const Status& status() const {
        static const Status kOk;
        return ok() ? kOk : std::get<Status>(state_);
    }
    T& value() & { return std::get<T>(state_); }
    const T& value() const& { return std::get<T>(state_); }
    T&& value() && { return std::get<T>(std::move(state_)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

private:
    std::variant<T, Status> state_;
};

}  // namespace kgraph
