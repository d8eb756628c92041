// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Any bytes as serialized chatcart.v1.TurnInput messages on the demo bundle:
// the input is cut into up to eight messages at 0xFF 0x00 markers, each sent
// with Session::HandleTurnBytes. Checks: a call that fails leaves the
// session's snapshot unchanged; after one that answers, the answer parses
// as a TurnResult and the session's snapshot restores to the same bytes.
// Replayed by channels_replay_main.cc over tests/fuzz/corpus/turn_bytes.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "chatcart/engine.h"
#include "chatcart/session.h"
#include "chatcart/v1/turn.pb.h"
#include "common/testing/data.h"
#include "fuzz/fuzz_demo.h"

const char chatcart::fuzz::kTarget[] = "turn_bytes_fuzzer";

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::unique_ptr<chatcart::Session> session = chatcart::fuzz::Demo().NewSession("fuzz-bytes", 3);
  constexpr std::string_view kMarker("\xff\x00", 2);
  size_t start = 0;
  for (int turns = 0; start <= bytes.size() && turns < 8; ++turns) {
    size_t end = bytes.find(kMarker, start);
    if (end == std::string_view::npos) end = bytes.size();
    const std::string_view message = bytes.substr(start, end - start);
    start = end + kMarker.size();
    const std::string before = session->Snapshot();
    absl::StatusOr<std::string> answer = session->HandleTurnBytes(message);
    if (!answer.ok()) {
      FUZZ_CHECK(session->Snapshot() == before, "a failed turn changed the session");
      continue;
    }
    chatcart::v1::TurnResult result;
    FUZZ_CHECK(result.ParseFromString(*answer), "an answer is no TurnResult");
    const std::string snapshot = session->Snapshot();
    auto restored = chatcart::fuzz::Demo().RestoreSession(snapshot);
    FUZZ_CHECK(restored.ok(), "a session's own snapshot does not restore");
    FUZZ_CHECK((*restored)->Snapshot() == snapshot, "restore then snapshot changed the bytes");
  }
  return 0;
}
