// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Any bytes as a session snapshot for the demo bundle, restored as they are
// and again with their checksum made right (so mutations reach the fields,
// not only the checksum). Checks: no crash, no undefined behaviour; a
// snapshot that restores snapshots again to bytes that restore to the same
// bytes (restore, snapshot, restore, snapshot: identical), and takes a turn
// that either answers or fails leaving the session as it was; protobuf logs
// nothing (#22: it logged an ERROR line for a string read past the end of
// its message, regress_length_past_its_message). Replayed by
// channels_replay_main.cc over tests/fuzz/corpus/snapshot.

#include <google/protobuf/stubs/logging.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "chatcart/engine.h"
#include "chatcart/session.h"
#include "common/testing/data.h"
#include "fuzz/fuzz_demo.h"

#define XXH_INLINE_ALL
#include "xxhash.h"

const char chatcart::fuzz::kTarget[] = "snapshot_restore_fuzzer";

namespace {

// Protobuf's log lines during a run: any is a finding.
int& LogLines() {
  static int lines = 0;
  return lines;
}
void CountLine(google::protobuf::LogLevel, const char*, int, const std::string& message) {
  ++LogLines();
  std::fprintf(stderr, "%s: protobuf logged: %s\n", chatcart::fuzz::kTarget, message.c_str());
}

// The bytes with the snapshot's trailing checksum field (tag 15, fixed64)
// recomputed over everything before it.
std::string Rechecksummed(std::string bytes) {
  constexpr char kTag = static_cast<char>((15 << 3) | 1);
  if (bytes.size() >= 9 && bytes[bytes.size() - 9] == kTag) bytes.resize(bytes.size() - 9);
  const uint64_t hash = XXH3_64bits(bytes.data(), bytes.size());
  bytes.push_back(kTag);
  for (int i = 0; i < 8; ++i) bytes.push_back(static_cast<char>((hash >> (8 * i)) & 0xff));
  return bytes;
}

void Check(const std::string& bytes) {
  absl::StatusOr<std::unique_ptr<chatcart::Session>> session =
      chatcart::fuzz::Demo().RestoreSession(bytes);
  if (!session.ok()) return;
  const std::string once = (*session)->Snapshot();
  absl::StatusOr<std::unique_ptr<chatcart::Session>> again =
      chatcart::fuzz::Demo().RestoreSession(once);
  FUZZ_CHECK(again.ok(), "a restored session's snapshot does not restore");
  const std::string twice = (*again)->Snapshot();
  absl::StatusOr<std::unique_ptr<chatcart::Session>> third =
      chatcart::fuzz::Demo().RestoreSession(twice);
  FUZZ_CHECK(third.ok(), "a snapshot of a snapshot does not restore");
  FUZZ_CHECK((*third)->Snapshot() == twice, "restore and snapshot do not settle");
  chatcart::v1::TurnInput in;
  in.set_text("what's in my cart?");
  in.mutable_time()->set_seconds(1795000000);
  const std::string before = (*again)->Snapshot();
  if (!(*again)->HandleTurn(in).ok()) {
    FUZZ_CHECK((*again)->Snapshot() == before, "a failed turn changed the session");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static google::protobuf::LogHandler* const previous = google::protobuf::SetLogHandler(&CountLine);
  (void)previous;
  LogLines() = 0;
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  Check(bytes);
  Check(Rechecksummed(bytes));
  FUZZ_CHECK(LogLines() == 0, "protobuf logged a line");
  return 0;
}
