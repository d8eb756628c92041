// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Any bytes as a conversation on the demo bundle: each line a turn, as
// TurnInput JSON when it parses, else as the shopper's text. After every
// turn the session is snapshotted and restored, and the restored one must
// snapshot to the same bytes (whatever a session accepted, its snapshot
// restores: issue #22). Checks: no crash, no undefined behaviour (under the
// sanitizers), every turn either a result or an error that leaves the
// session as it was (its snapshot unchanged), and the round trip exact.
// Replayed by channels_replay_main.cc over tests/fuzz/corpus/session.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "chatcart/engine.h"
#include "chatcart/session.h"
#include "common/testing/data.h"
#include "fuzz/fuzz_demo.h"
#include "google/protobuf/util/json_util.h"

const char chatcart::fuzz::kTarget[] = "session_turns_fuzzer";

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::unique_ptr<chatcart::Session> session = chatcart::fuzz::Demo().NewSession("fuzz", 7);
  int64_t seconds = 1795000000;
  size_t start = 0;
  for (int turns = 0; start <= bytes.size() && turns < 12; ++turns) {
    size_t end = bytes.find('\n', start);
    if (end == std::string_view::npos) end = bytes.size();
    const std::string line(bytes.substr(start, end - start));
    start = end + 1;
    chatcart::v1::TurnInput in;
    if (!google::protobuf::util::JsonStringToMessage(line, &in).ok()) {
      in.Clear();
      in.set_text(line);
    }
    if (!in.has_time()) in.mutable_time()->set_seconds(seconds += 60);
    const std::string before = session->Snapshot();
    absl::StatusOr<chatcart::v1::TurnResult> result = session->HandleTurn(in);
    if (!result.ok()) {
      FUZZ_CHECK(session->Snapshot() == before, "a failed turn changed the session");
      continue;
    }
    const std::string snapshot = session->Snapshot();
    absl::StatusOr<std::unique_ptr<chatcart::Session>> restored =
        chatcart::fuzz::Demo().RestoreSession(snapshot);
    FUZZ_CHECK(restored.ok(), "a session's own snapshot does not restore");
    FUZZ_CHECK((*restored)->Snapshot() == snapshot, "restore then snapshot changed the bytes");
    session = std::move(*restored);
  }
  return 0;
}
