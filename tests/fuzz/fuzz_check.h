// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// What every fuzz target checks with: a failed check that aborts (as libFuzzer
// expects), naming the target; an error's message held to what the library
// promises; protobuf's log lines counted, since a line logged is a finding
// (#22: a corrupted stored record made protobuf log an ERROR line before it
// was refused). A fuzz target runs on one thread.

#ifndef CHATCART_TESTS_FUZZ_FUZZ_CHECK_H_
#define CHATCART_TESTS_FUZZ_FUZZ_CHECK_H_

#include <google/protobuf/stubs/logging.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "common/utf8_scrub.h"

// Aborts with `what` when `cond` does not hold; the message names the target.
#define FUZZ_CHECK(cond, what)                                           \
  do {                                                                   \
    if (!(cond)) {                                                       \
      std::fprintf(stderr, "%s: %s\n", ::chatcart::fuzz::kTarget, what); \
      std::abort();                                                      \
    }                                                                    \
  } while (0)

namespace chatcart::fuzz {

// Defined by each target: its name, for FUZZ_CHECK's message.
extern const char kTarget[];

// An error's message is short (under 1,000 bytes) and well-formed UTF-8; an
// ill-formed one is printed before the check fails.
inline void CheckErrorMessage(const absl::Status& s) {
  const std::string_view message(s.message().data(), s.message().size());
  FUZZ_CHECK(message.size() < 1000, "an error message over 1000 bytes");
  if (!IsWellFormedUtf8(message)) {
    std::fprintf(stderr, "%s: %s\n", kTarget, s.ToString().c_str());
  }
  FUZZ_CHECK(IsWellFormedUtf8(message), "an error message that is not well-formed UTF-8");
}

// The lines protobuf logged since the count was last set to 0, while counted.
inline int& ProtobufLogLines() {
  static int lines = 0;
  return lines;
}

// From now on, each line protobuf logs is counted in ProtobufLogLines() and
// printed; calls after the first do nothing.
inline void CountProtobufLogLines() {
  static google::protobuf::LogHandler* const previous = google::protobuf::SetLogHandler(
      [](google::protobuf::LogLevel, const char*, int, const std::string& message) {
        ++ProtobufLogLines();
        std::fprintf(stderr, "%s: protobuf logged: %s\n", kTarget, message.c_str());
      });
  (void)previous;
}

}  // namespace chatcart::fuzz

#endif  // CHATCART_TESTS_FUZZ_FUZZ_CHECK_H_
