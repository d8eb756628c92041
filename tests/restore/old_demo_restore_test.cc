// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Issue #22: snapshots written with an earlier release of the demo bundle
// restore into today's. tests/restore/testdata/demo_b3964ce/ holds snapshots
// taken by running golden transcripts on the demo bundle as it was at commit
// b3964ce (the release before 53f0382 changed its flows, intents, templates
// and catalog). Each file NAME@K.snapshot is tests/conversations/NAME.txt
// after K turns; restored into today's demo, the rest of that transcript must
// run, and every cart line of the old snapshot must still be in the cart or
// be reported dropped (Trace.restored) in the first turn.
//
// To write the snapshots again (after a snapshot format change, say):
//   git archive b3964ce examples/bundles/demo | tar -x -C /tmp/old
//   CHATCART_WRITE_OLD_DEMO_SNAPSHOTS=/tmp/old/examples/bundles/demo \
//     build/tests/old_demo_restore_test

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "chatcart/engine.h"
#include "chatcart/session.h"
#include "chatcart/v1/session.pb.h"
#include "common/testing/data.h"
#include "conversation.h"
#include "gtest/gtest.h"

namespace chatcart {
namespace {

namespace fs = std::filesystem;

constexpr const char* kTranscripts[] = {"en_gift_checkout", "fr_gift_cart", "it_ad_click_laptop",
                                        "en_photo_printing", "it_gift"};
constexpr int kEvery = 3;  // a snapshot after every third turn

fs::path TestData() {
  return fs::path(testing::SourceDir()) / "tests/restore/testdata/demo_b3964ce";
}

std::string Read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The inputs of a transcript, times set as `chatcart replay` sets them.
std::vector<v1::TurnInput> Inputs(const std::string& name, uint64_t* seed) {
  fs::path path = fs::path(testing::SourceDir()) / "tests/conversations" / (name + ".txt");
  absl::StatusOr<cli::Transcript> transcript = cli::ParseTranscript(path.string(), Read(path));
  EXPECT_TRUE(transcript.ok()) << transcript.status();
  std::vector<v1::TurnInput> inputs;
  if (!transcript.ok()) return inputs;
  *seed = transcript->seed;
  int64_t now = transcript->start_unix_seconds;
  for (size_t i = 0; i < transcript->turns.size(); ++i) {
    if (i > 0) now += 60 * transcript->turns[i].wait_minutes;
    v1::TurnInput input = transcript->turns[i].input;
    input.mutable_time()->set_seconds(now);
    inputs.push_back(std::move(input));
  }
  return inputs;
}

// Writes the snapshots from the old bundle when asked to (see the top).
TEST(Issue22OldDemoSnapshots, WriteWhenAsked) {
  const char* old_dir = std::getenv("CHATCART_WRITE_OLD_DEMO_SNAPSHOTS");
  if (old_dir == nullptr) GTEST_SKIP() << "CHATCART_WRITE_OLD_DEMO_SNAPSHOTS not set";
  absl::StatusOr<std::shared_ptr<const Engine>> old = Engine::Create(old_dir);
  ASSERT_TRUE(old.ok()) << old.status();
  fs::create_directories(TestData());
  for (const char* name : kTranscripts) {
    uint64_t seed = 0;
    std::vector<v1::TurnInput> inputs = Inputs(name, &seed);
    std::unique_ptr<Session> session = (*old)->NewSession(absl::StrCat("old-", name), seed);
    for (size_t i = 0; i < inputs.size(); ++i) {
      ASSERT_TRUE(session->HandleTurn(inputs[i]).ok()) << name << " turn " << i + 1;
      if ((i + 1) % kEvery == 0 && i + 1 < inputs.size()) {
        std::ofstream(TestData() / absl::StrCat(name, "@", i + 1, ".snapshot"), std::ios::binary)
            << session->Snapshot();
      }
    }
  }
}

TEST(Issue22OldDemoSnapshots, RestoreIntoTodaysDemoAndTheConversationGoesOn) {
  absl::StatusOr<std::shared_ptr<const Engine>> today =
      Engine::Create(testing::SourceDir() + "/examples/bundles/demo");
  ASSERT_TRUE(today.ok()) << today.status();
  int restored = 0, with_cart = 0, turns = 0;
  for (const fs::directory_entry& entry : fs::directory_iterator(TestData())) {
    const std::string file = entry.path().filename().string();
    if (entry.path().extension() != ".snapshot") continue;
    SCOPED_TRACE(file);
    std::vector<std::string> parts = absl::StrSplit(entry.path().stem().string(), '@');
    ASSERT_EQ(parts.size(), 2u);
    size_t done = 0;
    ASSERT_TRUE(absl::SimpleAtoi(parts[1], &done));
    const std::string bytes = Read(entry.path());
    v1::SessionSnapshot old;
    ASSERT_TRUE(old.ParseFromString(bytes));
    ASSERT_EQ(old.bundle().name(), "demo");

    absl::StatusOr<std::unique_ptr<Session>> session = (*today)->RestoreSession(bytes);
    ASSERT_TRUE(session.ok()) << session.status();
    ++restored;
    // Restored and saved again without a turn, it restores the same.
    std::string again = (*session)->Snapshot();
    absl::StatusOr<std::unique_ptr<Session>> twice = (*today)->RestoreSession(again);
    ASSERT_TRUE(twice.ok()) << twice.status();
    EXPECT_EQ((*twice)->Snapshot(), again);

    uint64_t seed = 0;
    std::vector<v1::TurnInput> inputs = Inputs(parts[0], &seed);
    ASSERT_LT(done, inputs.size());
    const int old_lines = old.cart().lines_size();
    if (old_lines > 0) ++with_cart;
    for (size_t i = done; i < inputs.size(); ++i) {
      absl::StatusOr<v1::TurnResult> result = (*session)->HandleTurn(inputs[i]);
      ASSERT_TRUE(result.ok()) << "turn " << i + 1 << ": " << result.status();
      EXPECT_GT(result->replies_size(), 0) << "turn " << i + 1 << " said nothing";
      ++turns;
      if (i == done) {
        int dropped = 0;
        for (const v1::RestoreNote& note : result->trace().restored()) {
          if (note.kind() == "cart_line") ++dropped;
          if (note.kind() == "cart") dropped = old_lines;
        }
        // The first turn's commands may change the cart too: count what
        // the snapshot restored, before it.
        const Cart* cart = (*twice)->cart();
        const int kept = cart == nullptr ? 0 : static_cast<int>(cart->state().lines.size());
        EXPECT_EQ(kept + dropped, old_lines) << "a cart line vanished without a note";
      }
    }
  }
  EXPECT_GE(restored, 8) << "too few snapshots in " << TestData();
  EXPECT_GE(with_cart, 2) << "too few snapshots with a cart";
  std::printf("%d old snapshots restored (%d with a cart), %d turns after them\n", restored,
              with_cart, turns);
}

}  // namespace
}  // namespace chatcart
