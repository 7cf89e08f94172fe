// cfnpp implementation: writing a program's output, where every failure is reported.
//
// Shared by stack programs (cfn::run) and cfn2cpp. POSIX only, like the rest of the command line.
#pragma once

#include <cerrno>    // errno, EINTR, EPIPE
#include <csignal>   // std::signal, SIGXFSZ, SIGINT, SIGTERM, SIGHUP
#include <cstdio>    // std::fflush, std::snprintf
#include <cstdlib>   // realpath, std::free
#include <cstring>   // std::strerror, std::strncpy
#include <string>    // std::string
#include <fcntl.h>   // open
#include <sys/stat.h>  // stat, lstat
#include <unistd.h>  // write, close, fsync, unlink, getpid

#include <cfn/config.hpp>

namespace cfn {

namespace detail {

/// `text` as an error message quotes it: control characters escaped, and cut after 80 bytes, so
/// that the message stays one line a person can read (a 100 KB argument is not echoed whole).
CFN_INLINE std::string shown(const std::string& text) {
    constexpr std::size_t longest = 80;
    std::string out;
    for (std::size_t i = 0; i < text.size() && i < longest; ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 || c == 0x7F) {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\x%02X", c);
            out += buffer;
        } else {
            out += static_cast<char>(c);
        }
    }
    if (text.size() > longest) out += "... (" + std::to_string(text.size()) + " bytes)";
    return out;
}

/// Writes all of `text` to `fd`, retrying interrupted and partial writes; false with errno set on
/// the first failure (ENOSPC, EBADF, EPIPE when SIGPIPE is ignored, EFBIG past a file-size limit).
CFN_INLINE bool write_all(int fd, const std::string& text) {
    const char* p = text.data();
    std::size_t left = text.size();
    while (left > 0) {
        ssize_t n = ::write(fd, p, left);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            if (n == 0) errno = EIO;
            return false;
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    return true;
}

/// The temporary file being written, removed by `remove_temporary_and_die` when a signal ends the
/// program mid-write. A fixed buffer: a signal handler may not allocate.
inline char temporary_path[4096] = {};

extern "C" inline void remove_temporary_and_die(int signal) {
    if (temporary_path[0]) ::unlink(temporary_path);
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

/// While a temporary file exists: SIGXFSZ (a file-size limit) is ignored, so that the write fails
/// with EFBIG and is reported; SIGINT, SIGTERM and SIGHUP remove the file before they end the
/// program. The previous dispositions come back when this ends.
class temporary_guard {
public:
    explicit temporary_guard(const std::string& path) {
        if (path.size() < sizeof temporary_path) std::strncpy(temporary_path, path.c_str(), sizeof temporary_path - 1);
        xfsz_ = std::signal(SIGXFSZ, SIG_IGN);
        for (int i = 0; i < 3; ++i) previous_[i] = std::signal(signals_[i], remove_temporary_and_die);
    }
    temporary_guard(const temporary_guard&) = delete;
    temporary_guard& operator=(const temporary_guard&) = delete;
    ~temporary_guard() {
        for (int i = 0; i < 3; ++i) std::signal(signals_[i], previous_[i]);
        std::signal(SIGXFSZ, xfsz_);
        temporary_path[0] = '\0';
    }

private:
    static constexpr int signals_[3] = {SIGINT, SIGTERM, SIGHUP};
    void (*previous_[3])(int) = {};
    void (*xfsz_)(int) = nullptr;
};

CFN_INLINE std::string failure(const std::string& what) { return what + ": " + std::strerror(errno); }

/// Writes `text` to standard output. Standard output closed by the reader (a pipe into `head`):
/// with SIGPIPE at its default the program ends quietly, killed by it, as `cat` does; with SIGPIPE
/// ignored the write fails with EPIPE, reported like any other failure.
CFN_INLINE bool write_stdout(const std::string& text, std::string& error) {
    void (*xfsz)(int) = std::signal(SIGXFSZ, SIG_IGN);  // report a file-size limit, don't die of it
    bool ok = std::fflush(stdout) == 0 && write_all(STDOUT_FILENO, text);
    if (!ok) error = failure("cannot write to standard output");
    std::signal(SIGXFSZ, xfsz);
    return ok;
}

/// Writes `text` to `path`:
/// - a regular file, or nothing yet: through a temporary file in the same directory and a rename,
///   so that readers see the old file or the new one, never half of one, and a failure leaves the
///   old file as it was and no temporary behind. A symbolic link to a regular file: its target is
///   replaced that way, and the link stays.
/// - a FIFO, a character device or a socket (`-o /dev/stdout`, `-o >(gzip > t.gz)`): written
///   through, as `tee` or `cp` would; such a thing cannot be replaced atomically, and replacing it
///   with a regular file is not what the user asked for.
/// - anything else (a directory, a dangling link, a block device) is refused.
CFN_INLINE bool write_file(const std::string& path, const std::string& text, std::string& error) {
    if (path.empty()) {
        error = "the output file name is empty";
        return false;
    }
    struct stat target {};
    std::string shown_path = shown(path);
    std::string destination = path;
    if (::stat(path.c_str(), &target) == 0) {
        if (S_ISFIFO(target.st_mode) || S_ISCHR(target.st_mode) || S_ISSOCK(target.st_mode)) {
            void (*xfsz)(int) = std::signal(SIGXFSZ, SIG_IGN);
            int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
            bool ok = fd >= 0 && write_all(fd, text);
            if (!ok) error = failure("cannot write " + shown_path);
            if (fd >= 0 && ::close(fd) != 0 && ok) {
                error = failure("cannot write " + shown_path);
                ok = false;
            }
            std::signal(SIGXFSZ, xfsz);
            return ok;
        }
        if (!S_ISREG(target.st_mode)) {
            error = shown_path + (S_ISDIR(target.st_mode) ? " is a directory" : " is not a regular file") +
                    ", not replaced";
            return false;
        }
        struct stat link {};
        if (::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
            char* resolved = ::realpath(path.c_str(), nullptr);
            if (!resolved) {
                error = failure("cannot resolve " + shown_path);
                return false;
            }
            destination = resolved;
            std::free(resolved);
        }
    } else {
        struct stat link {};
        if (::lstat(path.c_str(), &link) == 0) {  // a link to nothing: replacing it would lose the link
            error = shown_path + " is a symbolic link to nothing, not replaced";
            return false;
        }
    }

    std::string temporary = destination + ".tmp." + std::to_string(static_cast<long>(::getpid()));
    temporary_guard guard(temporary);
    int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0) {
        error = failure("cannot create " + shown(temporary));
        return false;
    }
    bool ok = write_all(fd, text) && ::fsync(fd) == 0;
    if (!ok) error = failure("cannot write " + shown_path);
    if (::close(fd) != 0 && ok) {
        error = failure("cannot write " + shown_path);
        ok = false;
    }
    if (ok && std::rename(temporary.c_str(), destination.c_str()) != 0) {
        error = failure("cannot replace " + shown_path);
        ok = false;
    }
    if (!ok) ::unlink(temporary.c_str());
    return ok;
}

/// The output of a program: standard output when `path` is null, else the file `path`.
CFN_INLINE bool write_output(const std::string* path, const std::string& text, std::string& error) {
    return path ? write_file(*path, text, error) : write_stdout(text, error);
}

}  // namespace detail

}  // namespace cfn
