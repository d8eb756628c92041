// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "conversation.h"

#include <filesystem>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/time/time.h"

namespace chatcart::cli {

std::string BundleDir(const std::string& flag) {
  if (!flag.empty()) return flag;
  for (std::string candidate : {std::string("examples/bundles/demo"),
#ifdef CHATCART_SOURCE_DIR
                                std::string(CHATCART_SOURCE_DIR) + "/examples/bundles/demo"
#endif
       }) {
    if (std::filesystem::exists(candidate + "/bundle.textproto")) return candidate;
  }
  return "examples/bundles/demo";
}

std::shared_ptr<const Engine> LoadEngineOrDie(const std::string& dir) {
  absl::StatusOr<std::shared_ptr<const Engine>> engine = Engine::Create(dir);
  if (!engine.ok()) {
    std::fprintf(stderr, "chatcart: %s\n", std::string(engine.status().message()).c_str());
    return nullptr;
  }
  return *engine;
}

void PrintReplies(const v1::TurnResult& result, FILE* out) {
  for (const v1::Reply& reply : result.replies()) {
    if (!reply.text().empty()) std::fprintf(out, "  bot: %s\n", reply.text().c_str());
    for (int i = 0; i < reply.products_size(); ++i) {
      const v1::ProductCard& card = reply.products(i);
      std::fprintf(out, "       %d. %s  %s\n", i + 1, card.name().c_str(),
                   card.price_text().c_str());
      for (const std::string& reason : card.reasons()) {
        std::fprintf(out, "          - %s\n", reason.c_str());
      }
    }
    for (int i = 0; i < reply.quick_replies_size(); ++i) {
      std::fprintf(out, "       [%d] %s\n", i + 1, reply.quick_replies(i).title().c_str());
    }
  }
  for (const v1::HostActionRequest& action : result.host_actions()) {
    std::fprintf(out, "       (host action: %s)\n", action.kind().c_str());
  }
}

absl::StatusOr<Transcript> ParseTranscript(const std::string& path, const std::string& text) {
  Transcript transcript;
  int line_number = 0;
  int pending_wait = 1;
  std::string channel;
  std::string locale;
  for (absl::string_view raw : absl::StrSplit(text, '\n')) {
    ++line_number;
    absl::string_view line = absl::StripTrailingAsciiWhitespace(raw);
    if (line.empty() || line[0] == '#') continue;
    auto bad = [&](absl::string_view why) {
      return absl::InvalidArgumentError(absl::StrCat(path, ":", line_number, ": ", why));
    };
    size_t space = line.find(' ');
    absl::string_view head = line.substr(0, space);
    absl::string_view rest = space == absl::string_view::npos ? "" : line.substr(space + 1);
    auto current = [&]() -> TranscriptTurn* {
      return transcript.turns.empty() ? nullptr : &transcript.turns.back();
    };
    if (head == ">" || head == "*" || head == "!") {
      TranscriptTurn turn;
      turn.line = line_number;
      turn.wait_minutes = pending_wait;
      pending_wait = 1;
      turn.input.set_channel(channel);
      turn.input.set_locale_hint(locale);
      if (head == ">") {
        turn.input.set_text(std::string(rest));
      } else if (head == "*") {
        turn.input.set_payload(std::string(rest));
      } else {
        std::vector<absl::string_view> parts = absl::StrSplit(rest, ' ', absl::SkipEmpty());
        if (parts.empty()) return bad("an event needs a kind");
        turn.input.mutable_event()->set_kind(std::string(parts[0]));
        for (size_t i = 1; i < parts.size(); ++i) {
          std::pair<std::string, std::string> kv =
              absl::StrSplit(parts[i], absl::MaxSplits('=', 1));
          (*turn.input.mutable_event()->mutable_param())[kv.first] = kv.second;
        }
      }
      transcript.turns.push_back(std::move(turn));
    } else if (head == "<" || head == "<~") {
      if (current() == nullptr) return bad("an expected reply before any turn");
      current()->replies.push_back({std::string(rest), head == "<~", line_number});
    } else if (head == "?") {
      if (current() == nullptr) return bad("an expected intent before any turn");
      current()->intent = std::string(rest);
      current()->intent_line = line_number;
    } else if (head == "$") {
      if (current() == nullptr) return bad("an expected state before any turn");
      current()->state = std::string(rest);
      current()->state_line = line_number;
    } else if (head == "@seed") {
      if (!absl::SimpleAtoi(rest, &transcript.seed)) return bad("@seed needs a number");
    } else if (head == "@start") {
      absl::Time time;
      std::string error;
      if (!absl::ParseTime(absl::RFC3339_full, rest, &time, &error)) {
        return bad(absl::StrCat("@start: ", error));
      }
      transcript.start_unix_seconds = absl::ToUnixSeconds(time);
    } else if (head == "@wait") {
      if (!absl::SimpleAtoi(rest, &pending_wait)) return bad("@wait needs minutes");
    } else if (head == "@channel") {
      channel = std::string(rest);
    } else if (head == "@locale") {
      locale = std::string(rest);
    } else {
      return bad(absl::StrCat("unknown directive \"", head, "\""));
    }
  }
  return transcript;
}

}  // namespace chatcart::cli
