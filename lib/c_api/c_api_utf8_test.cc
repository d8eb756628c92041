// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Issue #22: binary protobuf the C API parses outside the engine (a
// CHATCART_FORMAT_PROTO cart command, a channel state) whose strings are not
// UTF-8 is refused naming the field before protobuf parses it; protobuf
// would log an ERROR line for each such string. Through libchatcart_c.so,
// which shares Debian's libprotobuf with this test, so the test's log
// handler sees what the library's protobuf would log. The bad bytes are
// written by hand (serializing them would log too).

#define CHATCART_C_EXPERIMENTAL
#include <google/protobuf/stubs/logging.h>

#include <string>
#include <string_view>
#include <vector>

#include "chatcart/c.h"
#include "common/testing/data.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace {

using ::testing::AnyOf;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

// Protobuf's log lines while alive (the previous handler is put back).
class ProtobufLog {
 public:
  ProtobufLog() {
    Lines().clear();
    previous_ = google::protobuf::SetLogHandler(&Handle);
  }
  ~ProtobufLog() { google::protobuf::SetLogHandler(previous_); }
  const std::vector<std::string>& lines() const { return Lines(); }

 private:
  static std::vector<std::string>& Lines() {
    static std::vector<std::string> lines;
    return lines;
  }
  static void Handle(google::protobuf::LogLevel, const char*, int, const std::string& message) {
    Lines().push_back(message);
  }
  google::protobuf::LogHandler* previous_;
};

// The error of a failed call, freed.
std::string Take(char** err) {
  std::string text = *err == nullptr ? "" : *err;
  chatcart_free(*err);
  *err = nullptr;
  return text;
}

class CApiUtf8 : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string demo = chatcart::testing::SourceDir() + "/examples/bundles/demo";
    char* err = nullptr;
    ASSERT_EQ(chatcart_engine_create_from_path(demo.c_str(), nullptr, &engine_, &err), CHATCART_OK)
        << Take(&err);
    ASSERT_EQ(chatcart_session_create(engine_, "web-1", 5, 42, &session_, &err), CHATCART_OK)
        << Take(&err);
  }
  void TearDown() override {
    chatcart_session_destroy(session_);
    chatcart_engine_destroy(engine_);
  }

  chatcart_engine_t* engine_ = nullptr;
  chatcart_session_t* session_ = nullptr;
};

// A CartCommand whose idempotency_key (field 21) is "k\xff", and a
// ChannelState whose channel (field 1) is "w\xffb".
constexpr std::string_view kBadCommand("\xaa\x01\x02k\xff", 5);
constexpr std::string_view kBadState(
    "\x0a\x03w\xff"
    "b",
    5);
constexpr char kMessage[] =
    "{\"channel\":\"messenger\",\"kind\":\"message\",\"account\":\"PAGE-1\",\"shopper\":"
    "\"PSID-42\",\"messageId\":\"m_1\",\"timeMs\":\"1795000000000\",\"input\":{\"text\":\"hi\","
    "\"channel\":\"messenger\",\"time\":\"2026-11-18T08:26:40Z\"}}";
constexpr char kRequest[] =
    "{\"channel\":\"messenger\",\"shopper\":\"PSID-42\",\"nowMs\":1795000001000}";
constexpr char kTurn[] = "{\"replies\":[{\"text\":\"hi\"}]}";

TEST_F(CApiUtf8, Issue22AProtoCartCommandThatIsNotUtf8IsRefusedWithoutALogLine) {
  ProtobufLog log;
  char* response = nullptr;
  size_t response_len = 0;
  char* err = nullptr;
  EXPECT_EQ(chatcart_experimental_session_apply_cart_command(session_, CHATCART_FORMAT_PROTO,
                                                             kBadCommand.data(), kBadCommand.size(),
                                                             &response, &response_len, &err),
            CHATCART_INVALID_ARGUMENT);
  EXPECT_THAT(Take(&err), HasSubstr("cart command: chatcart.v1.CartCommand.idempotency_key is not "
                                    "well-formed UTF-8"));
  EXPECT_THAT(log.lines(), IsEmpty());
}

TEST_F(CApiUtf8, Issue22AChannelStateThatIsNotUtf8IsRefusedWithoutALogLine) {
  ProtobufLog log;
  char* state = nullptr;
  size_t state_len = 0;
  char* out = nullptr;
  char* err = nullptr;
  EXPECT_EQ(chatcart_experimental_channel_observe(engine_, kMessage, sizeof(kMessage) - 1,
                                                  "Toyland", kBadState.data(), kBadState.size(),
                                                  &state, &state_len, &out, nullptr, &err),
            CHATCART_INVALID_ARGUMENT);
  EXPECT_THAT(
      Take(&err),
      HasSubstr("channel state: chatcart.v1.ChannelState.channel is not well-formed UTF-8"));
  EXPECT_EQ(chatcart_experimental_channel_render(
                engine_, kRequest, sizeof(kRequest) - 1, kTurn, sizeof(kTurn) - 1, kBadState.data(),
                kBadState.size(), &state, &state_len, &out, nullptr, &err),
            CHATCART_INVALID_ARGUMENT);
  EXPECT_THAT(Take(&err), HasSubstr("chatcart.v1.ChannelState.channel is not well-formed UTF-8"));
  EXPECT_THAT(log.lines(), IsEmpty());
  // A state with a well-formed channel (the message's) is read.
  const std::string good("\x0a\x09messenger", 11);
  EXPECT_EQ(chatcart_experimental_channel_observe(engine_, kMessage, sizeof(kMessage) - 1,
                                                  "Toyland", good.data(), good.size(), &state,
                                                  &state_len, &out, nullptr, &err),
            CHATCART_OK)
      << Take(&err);
  chatcart_free(state);
  chatcart_free(out);
}

// Issue #22: protobuf's JSON parser quotes the input in its complaint (an
// unknown key whole, the bytes around a syntax error as they are), and the
// desk's policy and the runtime's options passed it on: a 1 MB key made a
// 1 MB error, ill-formed bytes an error that is not UTF-8. It is echoed
// now: short, bad bytes as U+FFFD, after the call and the input's name.
TEST_F(CApiUtf8, Issue22JsonParserComplaintsAreShortAndWellFormed) {
  const std::string big(1000000, 'k');  // under kMaxJsonBytes
  const std::string inputs[] = {
      "{\"" + big + "\": 1}",
      "{\"defaultCapacity\": 4, \"caff\xe8\xff\": 1}",
      "{\"defaultCapacity\": 4 \xc0\xaf" + big + "}",
  };
  chatcart_store_t* store = nullptr;
  char* err = nullptr;
  ASSERT_EQ(chatcart_experimental_store_open("memory:", &store, &err), CHATCART_OK) << Take(&err);
  for (const std::string& json : inputs) {
    chatcart_desk_t* desk = nullptr;
    EXPECT_EQ(chatcart_experimental_desk_create(json.data(), json.size(), &desk, &err),
              CHATCART_INVALID_ARGUMENT);
    std::string message = Take(&err);
    EXPECT_THAT(message, HasSubstr("chatcart_experimental_desk_create: the policy is no "
                                   "chatcart.v1.DeskPolicy: "));
    EXPECT_LT(message.size(), 800u) << message.substr(0, 300);
    EXPECT_THAT(message, Not(AnyOf(HasSubstr("\xff"), HasSubstr("\xe8\""), HasSubstr("\xc0"))));
    chatcart_conversations_t* conversations = nullptr;
    EXPECT_EQ(chatcart_experimental_conversations_create_with(engine_, store, nullptr, json.data(),
                                                              json.size(), &conversations, &err),
              CHATCART_INVALID_ARGUMENT);
    message = Take(&err);
    EXPECT_THAT(message, HasSubstr("the options are no chatcart.v1.ConversationsConfig: "));
    EXPECT_LT(message.size(), 800u) << message.substr(0, 300);
    EXPECT_THAT(message, Not(AnyOf(HasSubstr("\xff"), HasSubstr("\xe8\""), HasSubstr("\xc0"))));
  }
  chatcart_desk_t* desk = nullptr;
  EXPECT_EQ(chatcart_experimental_desk_create(inputs[1].data(), inputs[1].size(), &desk, &err),
            CHATCART_INVALID_ARGUMENT);
  EXPECT_THAT(Take(&err), HasSubstr("\uFFFD\uFFFD\": 1}"));
  chatcart_experimental_store_destroy(store);
}

}  // namespace
