// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// chatcart converse-eval --bundle DIR [--bundle DIR...] SET... [--json]
//     [--floor PCT | --floor LANG=PCT ...] [--check] [--only ID ...] [--show-all]
//
// Runs conversation sets (converse_set.h; docs/CONVERSATION_EVAL.md) and
// scores them: a turn is right when every one of its assertions holds. Prints
// per store and per language the turns handled right and the conversations
// fully right, per turn kind and conversation tag, which assertions failed
// how often, and each failed turn with its failed assertions and what the bot
// said. A SET is a file or a directory of *.conv files.
//
// --floor PCT fails (exit 1) when any store's language scores below PCT % of
// turns right; --floor it=PCT sets it for one language. --check only parses
// and validates the sets against the stores (no turn runs). --only runs the
// conversations with these ids. --show-all prints every conversation in full.
// Exit codes: 0 scored (and above the floors), 1 below a floor or a store
// failed to load, 2 a malformed set or command line.

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "command.h"
#include "conversation.h"
#include "converse_set.h"
#include "json_writer.h"

namespace chatcart::cli {
namespace {

constexpr int64_t kStartUnixSeconds = 1795428000;  // 2026-11-23T10:00:00Z

struct Tally {
  int turns = 0;
  int turns_right = 0;
  int conversations = 0;
  int conversations_right = 0;
  double rate() const { return turns == 0 ? 0 : 100.0 * turns_right / turns; }
};

struct TurnOutcome {
  const SetTurn* turn = nullptr;
  int number = 0;                   // 1-based
  std::vector<std::string> failed;  // "assertion: why"
  std::vector<int> failed_lines;
  std::vector<std::string> replies;  // texts, and "[products: ...]"
  std::string intent, state;
  std::vector<std::string> moves;  // the trace's transitions, for --show-all
};

struct ConversationOutcome {
  const SetConversation* conversation = nullptr;
  std::vector<TurnOutcome> turns;
  bool right() const {
    for (const TurnOutcome& t : turns) {
      if (!t.failed.empty()) return false;
    }
    return true;
  }
};

struct StoreReport {
  std::string name;
  std::vector<std::string> languages;  // the store's locales, then any other
  std::map<std::string, Tally> by_language;
  Tally all;
  std::map<std::string, Tally> by_kind;  // turn kinds
  std::map<std::string, Tally> by_tag;   // conversation tags
  std::map<std::string, int> failed_assertions;
};

absl::StatusOr<std::vector<std::string>> SetFiles(const std::vector<std::string>& args) {
  std::vector<std::string> files;
  for (const std::string& arg : args) {
    std::error_code ec;
    if (std::filesystem::is_directory(arg, ec)) {
      std::vector<std::string> found;
      for (const auto& entry : std::filesystem::directory_iterator(arg, ec)) {
        if (entry.path().extension() == ".conv") found.push_back(entry.path().string());
      }
      std::sort(found.begin(), found.end());
      if (found.empty()) return absl::NotFoundError(absl::StrCat(arg, ": no *.conv files"));
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.push_back(arg);
    }
  }
  return files;
}

ConversationOutcome Run(const SetConversation& c, const StoreFacts& store) {
  ConversationOutcome outcome;
  outcome.conversation = &c;
  std::unique_ptr<Session> session = store.engine().NewSession(c.id, c.seed);
  int64_t now = kStartUnixSeconds;
  std::vector<std::string> previous_texts;
  std::vector<std::string> previous_shown;
  for (size_t t = 0; t < c.turns.size(); ++t) {
    const SetTurn& turn = c.turns[t];
    if (t > 0) now += 60 * turn.wait_minutes;
    v1::TurnInput input = turn.input;
    input.mutable_time()->set_seconds(now);
    TurnOutcome out;
    out.turn = &turn;
    out.number = static_cast<int>(t) + 1;
    absl::StatusOr<v1::TurnResult> result = session->HandleTurn(input);
    if (!result.ok()) {
      out.failed.push_back(
          absl::StrCat("turn: the engine failed it: ", result.status().ToString()));
      out.failed_lines.push_back(turn.line);
      previous_texts.clear();
      outcome.turns.push_back(std::move(out));
      continue;
    }
    TurnObservation observed{&*result, session->cart(), &previous_texts, &previous_shown};
    for (const AssertionFailure& f : CheckTurn(turn, c.lang, observed, store)) {
      std::string text = f.assertion->text;
      if (f.assertion->line == 0 && f.assertion->kind == Assertion::Kind::kLang) {
        text = absl::StrCat("lang ", c.lang);
      }
      out.failed.push_back(
          absl::StrCat(text, f.assertion->line == 0 ? " (default)" : "", ": ", f.why));
      out.failed_lines.push_back(f.assertion->line);
    }
    previous_texts.clear();
    std::vector<std::string> shown_now;
    for (const v1::Reply& reply : result->replies()) {
      if (!reply.text().empty()) {
        previous_texts.push_back(reply.text());
        out.replies.push_back(reply.text());
      }
      if (reply.products_size() > 0) {
        std::vector<std::string> ids;
        for (const v1::ProductCard& card : reply.products()) ids.push_back(card.product_id());
        out.replies.push_back(absl::StrCat("[products: ", absl::StrJoin(ids, ", "), "]"));
        shown_now.insert(shown_now.end(), ids.begin(), ids.end());
      }
    }
    if (!shown_now.empty()) previous_shown = std::move(shown_now);
    for (const v1::HostActionRequest& h : result->host_actions()) {
      out.replies.push_back(absl::StrCat("[host action: ", h.kind(), "]"));
    }
    out.intent = result->trace().intent();
    out.state = result->trace().state();
    out.moves.assign(result->trace().transitions().begin(), result->trace().transitions().end());
    outcome.turns.push_back(std::move(out));
  }
  return outcome;
}

std::string FailureName(const std::string& failed) {
  std::string name = failed.substr(0, failed.find_first_of(" :"));
  if (failed.find(" (default):") != std::string::npos && name == "lang") return "lang";
  return name;
}

void Score(const ConversationOutcome& o, StoreReport* report) {
  const SetConversation& c = *o.conversation;
  bool right = o.right();
  auto add_conversation = [&](Tally& t) {
    t.conversations += 1;
    t.conversations_right += right ? 1 : 0;
  };
  add_conversation(report->by_language[c.lang]);
  add_conversation(report->all);
  for (const std::string& tag : c.tags) add_conversation(report->by_tag[tag]);
  for (const TurnOutcome& t : o.turns) {
    bool ok = t.failed.empty();
    auto add_turn = [&](Tally& tally) {
      tally.turns += 1;
      tally.turns_right += ok ? 1 : 0;
    };
    add_turn(report->by_language[c.lang]);
    add_turn(report->all);
    for (const std::string& tag : c.tags) add_turn(report->by_tag[tag]);
    if (t.turn->kinds.empty()) {
      add_turn(report->by_kind["(no kind)"]);
    } else {
      for (const std::string& kind : t.turn->kinds) add_turn(report->by_kind[kind]);
    }
    for (const std::string& f : t.failed) report->failed_assertions[FailureName(f)] += 1;
  }
}

std::string TurnInputText(const v1::TurnInput& input) {
  if (!input.text().empty() || (input.payload().empty() && !input.has_event())) {
    return absl::StrCat("\"", input.text(), "\"");
  }
  if (!input.payload().empty()) return absl::StrCat("[pick ", input.payload(), "]");
  return absl::StrCat("[event ", input.event().kind(), "]");
}

void PrintTally(const char* label, const Tally& t, bool conversations) {
  std::printf("    %-20s %4d/%-4d %5.1f %%", label, t.turns_right, t.turns, t.rate());
  if (conversations)
    std::printf("   %3d/%-3d conversations", t.conversations_right, t.conversations);
  std::printf("\n");
}

void PrintText(const std::vector<StoreReport>& reports,
               const std::vector<ConversationOutcome>& outcomes, bool show_all) {
  for (const StoreReport& r : reports) {
    std::printf("store %s\n  per language: turns right, conversations fully right\n",
                r.name.c_str());
    for (const std::string& lang : r.languages) {
      auto it = r.by_language.find(lang);
      if (it != r.by_language.end()) PrintTally(lang.c_str(), it->second, true);
    }
    PrintTally("all", r.all, true);
    std::printf("  per turn kind\n");
    for (const auto& [kind, t] : r.by_kind) PrintTally(kind.c_str(), t, false);
    if (!r.by_tag.empty()) std::printf("  per conversation tag\n");
    for (const auto& [tag, t] : r.by_tag) PrintTally(tag.c_str(), t, true);
    std::vector<std::pair<int, std::string>> failed;
    for (const auto& [name, n] : r.failed_assertions) failed.push_back({-n, name});
    std::sort(failed.begin(), failed.end());
    std::vector<std::string> parts;
    for (const auto& [n, name] : failed) parts.push_back(absl::StrCat(name, " ", -n));
    std::printf("  failed assertions: %s\n\n",
                parts.empty() ? "none" : absl::StrJoin(parts, ", ").c_str());
  }
  for (const ConversationOutcome& o : outcomes) {
    const SetConversation& c = *o.conversation;
    bool right = o.right();
    if (right && !show_all) continue;
    std::printf("%s %s/%s/%s (%s:%d)\n", right ? "ok  " : "FAIL", c.store.c_str(), c.lang.c_str(),
                c.id.c_str(), c.file.c_str(), c.line);
    for (const TurnOutcome& t : o.turns) {
      if (t.failed.empty() && !show_all) continue;
      std::printf("  turn %d (line %d) %s%s\n", t.number, t.turn->line,
                  TurnInputText(t.turn->input).c_str(), t.failed.empty() ? "" : "  FAILED");
      for (const std::string& f : t.failed) std::printf("    ! %s\n", f.c_str());
      for (const std::string& reply : t.replies) std::printf("    bot: %s\n", reply.c_str());
      std::printf("    (intent %s, state %s)\n", t.intent.empty() ? "-" : t.intent.c_str(),
                  t.state.c_str());
      if (show_all) {
        for (const std::string& move : t.moves) std::printf("    - %s\n", move.c_str());
      }
    }
  }
}

void WriteTally(JsonWriter& w, const Tally& t, bool conversations) {
  w.Key("turns");
  w.Int(t.turns);
  w.Key("turns_right");
  w.Int(t.turns_right);
  w.Key("turn_rate");
  w.Double(t.turns == 0 ? 0 : static_cast<double>(t.turns_right) / t.turns);
  if (conversations) {
    w.Key("conversations");
    w.Int(t.conversations);
    w.Key("conversations_right");
    w.Int(t.conversations_right);
  }
}

void PrintJson(const std::vector<StoreReport>& reports,
               const std::vector<ConversationOutcome>& outcomes) {
  JsonWriter w;
  w.BeginObject();
  w.Key("stores");
  w.BeginArray();
  for (const StoreReport& r : reports) {
    w.BeginObject();
    w.Key("store");
    w.String(r.name);
    WriteTally(w, r.all, true);
    w.Key("languages");
    w.BeginArray();
    for (const std::string& lang : r.languages) {
      auto it = r.by_language.find(lang);
      if (it == r.by_language.end()) continue;
      w.BeginObject();
      w.Key("language");
      w.String(lang);
      WriteTally(w, it->second, true);
      w.EndObject();
    }
    w.EndArray();
    for (const auto& [key, map] : {std::pair{"kinds", &r.by_kind}, std::pair{"tags", &r.by_tag}}) {
      w.Key(key);
      w.BeginArray();
      for (const auto& [name, t] : *map) {
        w.BeginObject();
        w.Key("name");
        w.String(name);
        WriteTally(w, t, absl::string_view(key) == "tags");
        w.EndObject();
      }
      w.EndArray();
    }
    w.Key("failed_assertions");
    w.BeginObject();
    for (const auto& [name, n] : r.failed_assertions) {
      w.Key(name);
      w.Int(n);
    }
    w.EndObject();
    w.EndObject();
  }
  w.EndArray();
  w.Key("failures");
  w.BeginArray();
  for (const ConversationOutcome& o : outcomes) {
    for (const TurnOutcome& t : o.turns) {
      if (t.failed.empty()) continue;
      w.BeginObject();
      w.Key("store");
      w.String(o.conversation->store);
      w.Key("language");
      w.String(o.conversation->lang);
      w.Key("conversation");
      w.String(o.conversation->id);
      w.Key("file");
      w.String(o.conversation->file);
      w.Key("line");
      w.Int(t.turn->line);
      w.Key("turn");
      w.Int(t.number);
      w.Key("input");
      w.String(TurnInputText(t.turn->input));
      w.Key("failed");
      w.BeginArray();
      for (const std::string& f : t.failed) w.String(f);
      w.EndArray();
      w.Key("replies");
      w.BeginArray();
      for (const std::string& reply : t.replies) w.String(reply);
      w.EndArray();
      w.Key("intent");
      w.String(t.intent);
      w.Key("state");
      w.String(t.state);
      w.EndObject();
    }
  }
  w.EndArray();
  w.EndObject();
  std::printf("%s\n", w.str().c_str());
}

int RunConverseEval(Args& args) {
  // Switches first: until a switch is known, it would take the next word.
  bool json = args.Switch("json");
  bool check_only = args.Switch("check");
  bool show_all = args.Switch("show-all");
  std::vector<std::string> bundles = args.Values("bundle");
  std::vector<std::string> floors = args.Values("floor");
  std::vector<std::string> only = args.Values("only");
  const char* usage =
      "usage: chatcart converse-eval --bundle DIR [--bundle DIR...] SET... [--json] "
      "[--floor PCT|LANG=PCT] [--check] [--only ID] [--show-all]";
  if (std::string error = args.Finish(); !error.empty() || args.Positional().empty()) {
    std::fprintf(stderr, "%s%s%s\n", usage, error.empty() ? "" : ": ", error.c_str());
    return kExitUsage;
  }
  if (bundles.empty()) bundles.push_back(BundleDir(""));
  double default_floor = -1;
  std::map<std::string, double> language_floors;
  for (const std::string& f : floors) {
    std::vector<std::string> parts = absl::StrSplit(f, absl::MaxSplits('=', 1));
    double pct = 0;
    if (!absl::SimpleAtod(parts.back(), &pct) || pct < 0 || pct > 100) {
      std::fprintf(stderr, "chatcart converse-eval: --floor %s: a percentage 0..100\n", f.c_str());
      return kExitUsage;
    }
    (parts.size() == 2 ? language_floors[parts[0]] : default_floor) = pct;
  }
  // Stores by bundle name.
  std::map<std::string, std::unique_ptr<StoreFacts>> stores;
  std::vector<std::string> store_order;
  for (const std::string& dir : bundles) {
    std::shared_ptr<const Engine> engine = LoadEngineOrDie(dir);
    if (engine == nullptr) return kExitFailure;
    std::string name = engine->identity().name;
    if (!stores.contains(name)) store_order.push_back(name);
    stores[name] = std::make_unique<StoreFacts>(std::move(engine));
  }
  absl::StatusOr<std::vector<std::string>> files = SetFiles(args.Positional());
  if (!files.ok()) {
    std::fprintf(stderr, "chatcart converse-eval: %s\n",
                 std::string(files.status().message()).c_str());
    return kExitUsage;
  }
  std::vector<SetConversation> conversations;
  std::set<std::string> ids;
  std::vector<std::string> errors;
  for (const std::string& path : *files) {
    std::ifstream in(path);
    if (!in) {
      std::fprintf(stderr, "chatcart converse-eval: cannot read %s\n", path.c_str());
      return kExitUsage;
    }
    std::stringstream text;
    text << in.rdbuf();
    absl::StatusOr<std::vector<SetConversation>> parsed = ParseConversationSet(path, text.str());
    if (!parsed.ok()) {
      errors.emplace_back(parsed.status().message());
      continue;
    }
    for (SetConversation& c : *parsed) {
      if (!ids.insert(c.id).second) {
        errors.push_back(
            absl::StrCat(path, ":", c.line, ": conversation id \"", c.id, "\" is used twice"));
      }
      if (c.store.empty() && stores.size() == 1) c.store = stores.begin()->first;
      if (!stores.contains(c.store)) {
        errors.push_back(
            absl::StrCat(path, ":", c.line, ": store \"", c.store, "\" is not loaded (--bundle)"));
        continue;
      }
      if (absl::Status s = ValidateConversation(c, stores[c.store]->engine()); !s.ok()) {
        errors.emplace_back(s.message());
      }
      if (only.empty() || std::find(only.begin(), only.end(), c.id) != only.end()) {
        conversations.push_back(std::move(c));
      }
    }
  }
  if (!errors.empty()) {
    for (const std::string& e : errors) std::fprintf(stderr, "%s\n", e.c_str());
    return kExitUsage;
  }
  if (check_only) {
    size_t turns = 0;
    for (const SetConversation& c : conversations) turns += c.turns.size();
    std::printf("%zu conversations, %zu turns: OK\n", conversations.size(), turns);
    return kExitOk;
  }
  std::vector<ConversationOutcome> outcomes;
  for (const SetConversation& c : conversations) outcomes.push_back(Run(c, *stores[c.store]));
  std::vector<StoreReport> reports;
  for (const std::string& name : store_order) {
    StoreReport report;
    report.name = name;
    report.languages = stores[name]->engine().locales();
    for (const ConversationOutcome& o : outcomes) {
      if (o.conversation->store != name) continue;
      Score(o, &report);
      if (std::find(report.languages.begin(), report.languages.end(), o.conversation->lang) ==
          report.languages.end()) {
        report.languages.push_back(o.conversation->lang);
      }
    }
    if (report.all.conversations > 0) reports.push_back(std::move(report));
  }
  if (json) {
    PrintJson(reports, outcomes);
  } else {
    PrintText(reports, outcomes, show_all);
  }
  int below = 0;
  for (const StoreReport& r : reports) {
    for (const auto& [lang, t] : r.by_language) {
      auto it = language_floors.find(lang);
      double floor = it != language_floors.end() ? it->second : default_floor;
      if (floor >= 0 && t.rate() < floor) {
        std::fprintf(
            stderr,
            "converse-eval: store %s, %s: %.1f %% of turns right, below the floor of %.1f %%\n",
            r.name.c_str(), lang.c_str(), t.rate(), floor);
        ++below;
      }
    }
  }
  return below > 0 ? kExitFailure : kExitOk;
}

CHATCART_CLI_COMMAND(
    converse_eval,
    {.name = "converse-eval",
     .summary = "Scores conversation sets: turns whose assertions all hold",
     .run = RunConverseEval,
     .flags = {{"bundle", kRepeated, "DIR", "a store's bundle (at least one)"},
               {"floor", kRepeated, "PCT|LANG=PCT", "fails (exit 1) below PCT % of turns right"},
               {"check", kSwitch, "", "only parses and validates the sets"},
               {"only", kRepeated, "ID", "runs the conversations with this id"},
               {"show-all", kSwitch, "", "prints every conversation in full"},
               {"json", kSwitch, "", "prints the scores as JSON"}},
     .positional = "SET...",
     .example = "chatcart converse-eval --bundle examples/bundles/demo tests/converse --floor 80"});

}  // namespace
}  // namespace chatcart::cli
