// SPDX-License-Identifier: MIT
#pragma once

// Every fuzz_<name>.cpp defines its entry point with CSTAR_FUZZ_TARGET(name)
// and, if it needs one-time setup, CSTAR_FUZZ_INIT(name). In the libFuzzer
// build they become LLVMFuzzerTestOneInput / LLVMFuzzerInitialize. Compiled
// with CSTAR_FUZZ_REPLAY (tests/reliability/tst_fuzzregressions) they become
// plain functions cstarFuzz_<name>() / cstarFuzzInit_<name>(), so one Qt test
// replays the corpus and every crash input of every target in the normal and
// sanitizer suites.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <stdexcept>
#include <string>

#ifdef CSTAR_FUZZ_REPLAY
#define CSTAR_FUZZ_TARGET(name) int cstarFuzz_##name(const uint8_t *data, size_t size)
#define CSTAR_FUZZ_INIT(name) int cstarFuzzInit_##name()
#else
#define CSTAR_FUZZ_TARGET(name)                                                                    \
    extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
#define CSTAR_FUZZ_INIT(name)                                                                      \
    static int cstarFuzzInit_##name();                                                             \
    extern "C" int LLVMFuzzerInitialize(int *, char ***)                                           \
    {                                                                                              \
        return cstarFuzzInit_##name();                                                             \
    }                                                                                              \
    static int cstarFuzzInit_##name()
#endif

namespace CStar::Fuzz {

/// A broken invariant: the replay test reports it, libFuzzer records a crash.
struct Failure : std::runtime_error
{
    using std::runtime_error::runtime_error;
};

[[noreturn]] inline void fail(const char *what)
{
#ifdef CSTAR_FUZZ_REPLAY
    throw Failure(what);
#else
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    __builtin_trap();
#endif
}

inline void check(bool ok, const char *what = "invariant")
{
    if (!ok)
        fail(what);
}

} // namespace CStar::Fuzz
