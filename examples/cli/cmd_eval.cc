// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// `chatcart eval`: trains an IntentModel exactly as a bundle load does, from
// a JSON Lines file of labelled utterances, and scores another file.
//
//   chatcart eval --train train.jsonl --test dev.jsonl [--dev DEV.jsonl]
//       [--text-field F] [--label-field F] [--oos-label L] [--lang en]
//       [--threshold T | --oos-recall R] [--predictions OUT.jsonl] [--json]
//
// The text field defaults to "text", falling back to "utterance"; the label
// field to "intent"; a row's "lang" field, when present, is its session
// language (else --lang). --train may be repeated, and a file ending in
// .textproto is read as a bundle's IntentSet (examples and patterns, in the
// file's language), so a bundle's intents can be scored:
//
//   chatcart eval --train examples/bundles/demo/intents/en.textproto
//       --train .../it.textproto --train .../fr.textproto
//       --test lib/intent/testdata/demo_it.jsonl --oos-label oos With --oos-label, examples of that
//       label train the
// explicit out-of-scope class and out-of-scope figures are reported. --dev
// scores a second file too (reported under "dev"). --json prints one object:
// examples, accuracy, macro_f1, in_scope_accuracy, oos_recall, oos_precision
// (null without --oos-label), train_ms, classify_us_p50, classify_us_p99,
// model_bytes, top_confusions, plus the training figures under "training".
// --threshold fixes the out-of-scope threshold; --oos-recall sets the
// out-of-fold out-of-scope recall the chosen threshold aims at (default
// 0.8; IntentModelOptions::oos_target_recall). --predictions writes one JSON object per test row,
// in order: text, gold, predicted, confidence, out_of_scope and the top labels with their
// confidences (for error analysis).

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "chatcart/intent.h"
#include "command.h"
#include "json_writer.h"
#include "simdjson.h"

namespace chatcart::cli {
namespace {

struct Row {
  std::string text;
  std::string label;
  std::string lang;  // empty: --lang
};

struct Fields {
  std::string text;   // empty: "text", then "utterance"
  std::string label;  // "intent" by default
};

// Reads a JSON Lines file of labelled utterances; errors name file:line.
std::optional<std::vector<Row>> ReadRows(const std::string& path, const Fields& fields,
                                         std::string* error) {
  simdjson::padded_string content;
  if (simdjson::padded_string::load(path).get(content) != simdjson::SUCCESS) {
    *error = path + ": cannot read";
    return std::nullopt;
  }
  std::vector<Row> rows;
  simdjson::ondemand::parser parser;
  std::string_view all(content.data(), content.size());
  size_t line_no = 0;
  while (!all.empty()) {
    const size_t nl = all.find('\n');
    std::string_view line = all.substr(0, nl);
    all = nl == std::string_view::npos ? std::string_view() : all.substr(nl + 1);
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    const std::string where = path + ":" + std::to_string(line_no);
    simdjson::padded_string padded(line);
    simdjson::ondemand::document doc;
    simdjson::ondemand::object object;
    if (parser.iterate(padded).get(doc) != simdjson::SUCCESS ||
        doc.get_object().get(object) != simdjson::SUCCESS) {
      *error = where + ": not a JSON object";
      return std::nullopt;
    }
    Row row;
    bool has_text = false, has_label = false;
    bool has_alt = false;
    for (auto field : object) {
      std::string_view key;
      if (field.unescaped_key().get(key) != simdjson::SUCCESS) continue;
      std::string_view value;
      const bool is_string = field.value().get_string().get(value) == simdjson::SUCCESS;
      const std::string text_key = fields.text.empty() ? std::string("text") : fields.text;
      if (key == text_key && is_string) {
        row.text = std::string(value);
        has_text = true;
      } else if (fields.text.empty() && key == "utterance" && is_string) {
        has_alt = true;
        if (!has_text) row.text = std::string(value);
      } else if (key == fields.label && is_string) {
        row.label = std::string(value);
        has_label = true;
      } else if ((key == "lang" || key == "language") && is_string) {
        row.lang = std::string(value);
      }
    }
    if (!has_text && !has_alt) {
      *error = where + ": no string field \"" + (fields.text.empty() ? "text" : fields.text) +
               "\"" + (fields.text.empty() ? " or \"utterance\"" : "");
      return std::nullopt;
    }
    if (!has_label) {
      *error = where + ": no string field \"" + fields.label + "\"";
      return std::nullopt;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

// Reads a bundle's IntentSet file into `intents` as a bundle load does
// (ReadIntentSet, chatcart/intent.h), then indexes them by name.
bool ReadIntentFile(const std::string& path, std::vector<IntentDefinition>* intents,
                    std::map<std::string, size_t>* index, std::string* error) {
  simdjson::padded_string content;
  if (simdjson::padded_string::load(path).get(content) != simdjson::SUCCESS) {
    *error = path + ": cannot read";
    return false;
  }
  absl::Status read =
      ReadIntentSet(path, std::string_view(content.data(), content.size()), intents);
  if (!read.ok()) {
    *error = std::string(read.message());
    return false;
  }
  for (size_t i = 0; i < intents->size(); ++i) index->emplace((*intents)[i].name, i);
  return true;
}

// Six significant digits ("%.6g"), as every figure of eval's output.
std::string JsonNumber(std::optional<double> v) {
  if (!v.has_value()) return "null";
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.6g", *v);
  return buf;
}

void Member(JsonWriter& w, std::string_view key, std::optional<double> v) {
  w.Key(key);
  w.Raw(JsonNumber(v));
}

// Shows progress on stderr once a run has taken more than a second, and
// only when stderr is a terminal.
class Progress {
 public:
  explicit Progress(const char* what)
      : what_(what), start_(std::chrono::steady_clock::now()), tty_(isatty(2) != 0) {}
  void Update(size_t done, size_t total) {
    if (!tty_ || total == 0 || (done % 64 != 0 && done != total)) return;
    if (std::chrono::steady_clock::now() - start_ < std::chrono::seconds(1)) return;
    const int width = 30;
    const int filled = static_cast<int>(width * done / total);
    std::fprintf(stderr, "\r%s [%s%s] %zu/%zu", what_, std::string(filled, '=').c_str(),
                 std::string(width - filled, ' ').c_str(), done, total);
    shown_ = true;
  }
  ~Progress() {
    if (shown_) std::fprintf(stderr, "\r%80s\r", "");
  }

 private:
  const char* what_;
  std::chrono::steady_clock::time_point start_;
  bool tty_;
  bool shown_ = false;
};

struct Scores {
  size_t examples = 0;
  double accuracy = 0;
  double macro_f1 = 0;
  std::optional<double> in_scope_accuracy;
  std::optional<double> oos_recall;
  std::optional<double> oos_precision;
  double p50_us = 0, p99_us = 0;
  std::vector<std::pair<std::pair<std::string, std::string>, size_t>> confusions;
};

// One JSON line per row: what the model said about it.
std::string PredictionJson(const Row& row, const IntentResult& result) {
  JsonWriter w;
  w.BeginObject();
  w.Key("text");
  w.String(row.text);
  w.Key("gold");
  w.String(row.label);
  w.Key("predicted");
  w.String(result.intent);
  Member(w, "confidence", result.confidence);
  w.Key("out_of_scope");
  w.Bool(result.out_of_scope);
  w.Key("top");
  w.BeginArray();
  for (const auto& top : result.top) {
    w.BeginObject();
    w.Key("intent");
    w.String(top.intent);
    Member(w, "confidence", top.confidence);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return w.str() + "\n";
}

Scores Score(const IntentModel& model, const std::vector<Row>& rows,
             const std::optional<std::string>& oos_label, const std::string& lang, const char* what,
             std::FILE* predictions = nullptr) {
  Scores s;
  s.examples = rows.size();
  std::vector<std::string> predicted(rows.size());
  IntentResult result;
  auto options_of = [&](const Row& row) {
    return ClassifyOptions{.language = row.lang.empty() ? std::string_view(lang) : row.lang};
  };
  {
    Progress progress(what);
    for (size_t i = 0; i < rows.size(); ++i) {
      model.Classify(rows[i].text, options_of(rows[i]), &result);
      predicted[i] = std::string(result.intent);
      if (predictions != nullptr) std::fputs(PredictionJson(rows[i], result).c_str(), predictions);
      progress.Update(i + 1, rows.size());
    }
  }
  // Latency: a second, warm pass, each call timed on its own.
  std::vector<double> us(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    const ClassifyOptions options = options_of(rows[i]);
    const auto t0 = std::chrono::steady_clock::now();
    model.Classify(rows[i].text, options, &result);
    us[i] =
        std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count();
  }
  if (!us.empty()) {
    std::sort(us.begin(), us.end());
    s.p50_us = us[us.size() / 2];
    s.p99_us = us[std::min(us.size() - 1, us.size() * 99 / 100)];
  }

  size_t right = 0, in_scope = 0, in_scope_right = 0, oos = 0, oos_caught = 0, oos_said = 0;
  std::map<std::string, std::array<size_t, 3>> per_label;  // tp, fp, fn
  std::map<std::pair<std::string, std::string>, size_t> confusions;
  for (size_t i = 0; i < rows.size(); ++i) {
    const std::string& gold = rows[i].label;
    const std::string& pred = predicted[i];
    const bool ok = gold == pred;
    right += ok;
    if (ok) {
      ++per_label[gold][0];
    } else {
      ++per_label[pred][1];
      ++per_label[gold][2];
      ++confusions[{gold, pred}];
    }
    const bool gold_oos = oos_label.has_value() && gold == *oos_label;
    const bool pred_oos = oos_label.has_value() && pred == *oos_label;
    if (gold_oos) {
      ++oos;
      oos_caught += pred_oos;
    } else {
      ++in_scope;
      in_scope_right += ok;
    }
    oos_said += pred_oos;
  }
  if (!rows.empty()) s.accuracy = static_cast<double>(right) / rows.size();
  double f1_sum = 0;
  for (const auto& [label, c] : per_label) {
    const double denom = 2.0 * c[0] + c[1] + c[2];
    f1_sum += denom > 0 ? 2.0 * c[0] / denom : 0.0;
  }
  if (!per_label.empty()) s.macro_f1 = f1_sum / per_label.size();
  if (in_scope > 0) s.in_scope_accuracy = static_cast<double>(in_scope_right) / in_scope;
  if (oos_label.has_value()) {
    s.oos_recall = oos > 0 ? static_cast<double>(oos_caught) / oos : 0.0;
    s.oos_precision = oos_said > 0 ? static_cast<double>(oos_caught) / oos_said : 0.0;
  }
  s.confusions.assign(confusions.begin(), confusions.end());
  std::stable_sort(s.confusions.begin(), s.confusions.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  if (s.confusions.size() > 10) s.confusions.resize(10);
  return s;
}

// The members of an object for `s`.
void WriteScores(JsonWriter& w, const Scores& s) {
  w.Key("examples");
  w.Int(static_cast<int64_t>(s.examples));
  Member(w, "accuracy", s.accuracy);
  Member(w, "macro_f1", s.macro_f1);
  Member(w, "in_scope_accuracy", s.in_scope_accuracy);
  Member(w, "oos_recall", s.oos_recall);
  Member(w, "oos_precision", s.oos_precision);
  Member(w, "classify_us_p50", s.p50_us);
  Member(w, "classify_us_p99", s.p99_us);
  w.Key("top_confusions");
  w.BeginArray();
  for (const auto& [pair, count] : s.confusions) {
    w.BeginObject();
    w.Key("gold");
    w.String(pair.first);
    w.Key("predicted");
    w.String(pair.second);
    w.Key("count");
    w.Int(static_cast<int64_t>(count));
    w.EndObject();
  }
  w.EndArray();
}

void PrintScores(const char* name, const Scores& s) {
  auto pct = [](std::optional<double> v) {
    return v.has_value() ? JsonNumber(*v * 100) + " %" : std::string("n/a");
  };
  std::printf("%s: %zu examples\n", name, s.examples);
  std::printf("  accuracy           %s\n", pct(s.accuracy).c_str());
  std::printf("  macro F1           %s\n", pct(s.macro_f1).c_str());
  std::printf("  in-scope accuracy  %s\n", pct(s.in_scope_accuracy).c_str());
  std::printf("  OOS recall         %s\n", pct(s.oos_recall).c_str());
  std::printf("  OOS precision      %s\n", pct(s.oos_precision).c_str());
  std::printf("  classify p50/p99   %.2f / %.2f us\n", s.p50_us, s.p99_us);
  for (const auto& [pair, count] : s.confusions) {
    std::printf("  confused %4zu x  %s -> %s\n", count, pair.first.c_str(), pair.second.c_str());
  }
}

int RunEval(Args& args) {
  const std::vector<std::string> train_paths = args.Values("train");
  const std::optional<std::string> test_path = args.Value("test");
  const std::optional<std::string> dev_path = args.Value("dev");
  Fields fields{args.ValueOr("text-field", ""), args.ValueOr("label-field", "intent")};
  const std::optional<std::string> oos_label = args.Value("oos-label");
  const std::string lang = args.ValueOr("lang", "en");
  const std::optional<std::string> threshold = args.Value("threshold");
  const std::optional<std::string> oos_recall = args.Value("oos-recall");
  const std::optional<std::string> predictions_path = args.Value("predictions");
  const bool json = args.Switch("json");
  if (std::string error = args.Finish(); !error.empty()) {
    std::fprintf(stderr, "chatcart eval: %s\n", error.c_str());
    return kExitUsage;
  }
  if (train_paths.empty() || !test_path) {
    std::fprintf(stderr,
                 "usage: chatcart eval --train TRAIN.jsonl --test TEST.jsonl [--dev DEV.jsonl] "
                 "[--text-field F] [--label-field F] [--oos-label L] [--lang en] "
                 "[--threshold T | --oos-recall R] [--predictions OUT.jsonl] [--json]\n");
    return kExitUsage;
  }
  IntentModelOptions options;
  options.default_language = lang;
  // Without --oos-label nothing trains as out of scope, and an out-of-scope
  // answer counts as a wrong one.
  options.oos_intent = oos_label.value_or("(out of scope)");
  for (const auto& [flag, value] :
       {std::pair{"threshold", &threshold}, std::pair{"oos-recall", &oos_recall}}) {
    if (!value->has_value()) continue;
    char* end = nullptr;
    const double v = std::strtod((*value)->c_str(), &end);
    if (end == (*value)->c_str() || *end != '\0' || !(v >= 0 && v <= 1)) {
      std::fprintf(stderr, "chatcart eval: --%s: not a number in [0, 1]: %s\n", flag,
                   (*value)->c_str());
      return kExitUsage;
    }
    if (value == &threshold) {
      options.oos_threshold = v;
    } else {
      options.oos_target_recall = v;
    }
  }

  std::string error;
  std::vector<IntentDefinition> intents;
  std::map<std::string, size_t> index;
  size_t train_examples = 0;
  for (const std::string& path : train_paths) {
    const bool textproto =
        path.size() >= 10 && path.compare(path.size() - 10, 10, ".textproto") == 0;
    if (textproto) {
      if (!ReadIntentFile(path, &intents, &index, &error)) {
        std::fprintf(stderr, "chatcart eval: %s\n", error.c_str());
        return kExitUsage;
      }
      continue;
    }
    std::optional<std::vector<Row>> train = ReadRows(path, fields, &error);
    if (!train) {
      std::fprintf(stderr, "chatcart eval: %s\n", error.c_str());
      return kExitUsage;
    }
    for (size_t i = 0; i < train->size(); ++i) {
      const Row& row = (*train)[i];
      auto [it, inserted] = index.emplace(row.label, intents.size());
      if (inserted) {
        IntentDefinition def;
        def.name = row.label;
        def.source = path;
        intents.push_back(std::move(def));
      }
      intents[it->second].examples.push_back(
          {row.text, row.lang.empty() ? lang : row.lang, path + ":" + std::to_string(i + 1)});
    }
  }
  for (const IntentDefinition& def : intents) train_examples += def.examples.size();
  std::optional<std::vector<Row>> test = ReadRows(*test_path, fields, &error);
  std::optional<std::vector<Row>> dev;
  if (test && dev_path) dev = ReadRows(*dev_path, fields, &error);
  if (!test || (dev_path && !dev)) {
    std::fprintf(stderr, "chatcart eval: %s\n", error.c_str());
    return kExitUsage;
  }

  if (isatty(2) && !json) {
    std::fprintf(stderr, "training on %zu examples of %zu intents...", train_examples,
                 intents.size());
  }
  absl::StatusOr<std::shared_ptr<const IntentModel>> model = IntentModel::Build(intents, options);
  if (isatty(2) && !json) std::fprintf(stderr, "\r%80s\r", "");
  if (!model.ok()) {
    std::fprintf(stderr, "chatcart eval: %s\n", std::string(model.status().message()).c_str());
    return kExitFailure;
  }
  const IntentModelStats& stats = (*model)->stats();
  std::FILE* predictions = nullptr;
  if (predictions_path.has_value()) {
    predictions = std::fopen(predictions_path->c_str(), "w");
    if (predictions == nullptr) {
      std::fprintf(stderr, "chatcart eval: --predictions: cannot write %s\n",
                   predictions_path->c_str());
      return kExitUsage;
    }
  }
  const Scores scores = Score(**model, *test, oos_label, lang, "scoring", predictions);
  if (predictions != nullptr && std::fclose(predictions) != 0) {
    std::fprintf(stderr, "chatcart eval: --predictions: error writing %s\n",
                 predictions_path->c_str());
    return kExitFailure;
  }
  std::optional<Scores> dev_scores;
  if (dev) dev_scores = Score(**model, *dev, oos_label, lang, "scoring dev");

  if (json) {
    JsonWriter w;
    w.BeginObject();
    WriteScores(w, scores);
    Member(w, "train_ms", stats.train_ms);
    w.Key("model_bytes");
    w.Int(static_cast<int64_t>(stats.model_bytes));
    w.Key("training");
    w.BeginObject();
    w.Key("intents");
    w.Int(stats.intents);
    w.Key("examples");
    w.Int(stats.examples);
    w.Key("folds");
    w.Int(stats.folds);
    Member(w, "fold_accuracy", stats.fold_accuracy);
    Member(w, "fold_in_scope_accuracy", stats.fold_in_scope_accuracy);
    Member(w, "fold_oos_recall", stats.fold_oos_recall);
    Member(w, "oos_threshold", stats.oos_threshold);
    Member(w, "train_cpu_ms", stats.train_cpu_ms);
    w.Key("features");
    w.Int(stats.features);
    w.EndObject();
    if (dev_scores) {
      w.Key("dev");
      w.BeginObject();
      WriteScores(w, *dev_scores);
      w.EndObject();
    }
    w.EndObject();
    const std::string out = w.str() + "\n";
    std::fputs(out.c_str(), stdout);
    return kExitOk;
  }
  std::printf(
      "trained %d intents on %d examples in %.0f ms (%.0f ms CPU); model %zu bytes, %d features\n",
      stats.intents, stats.examples, stats.train_ms, stats.train_cpu_ms, stats.model_bytes,
      stats.features);
  std::printf("folds %d: accuracy %.2f %%, in-scope %.2f %%, OOS recall %.2f %%; threshold %.4f\n",
              stats.folds, stats.fold_accuracy * 100, stats.fold_in_scope_accuracy * 100,
              stats.fold_oos_recall * 100, stats.oos_threshold);
  PrintScores(test_path->c_str(), scores);
  if (dev_scores) PrintScores(dev_path->c_str(), *dev_scores);
  return kExitOk;
}

CHATCART_CLI_COMMAND(
    eval, {.name = "eval",
           .summary = "Trains an intent model on a JSONL file and scores another",
           .run = RunEval,
           .flags = {{"train", kRepeated, "FILE",
                      "labelled utterances (.jsonl) or a bundle's intents (.textproto)"},
                     {"test", kValue, "FILE", "the utterances scored (.jsonl, required)"},
                     {"dev", kValue, "FILE", "a second file scored, reported under \"dev\""},
                     {"text-field", kValue, "F", "the text's field (default text, then utterance)"},
                     {"label-field", kValue, "F", "the label's field (default intent)"},
                     {"oos-label", kValue, "L", "the label of out-of-scope examples"},
                     {"lang", kValue, "LANG", "the language of rows without one (default en)"},
                     {"threshold", kValue, "T", "fixes the out-of-scope threshold"},
                     {"oos-recall", kValue, "R",
                      "the out-of-scope recall the threshold aims at (default 0.8)"},
                     {"predictions", kValue, "FILE", "writes one JSON line per test row"},
                     {"json", kSwitch, "", "prints one JSON object"}},
           .example = "chatcart eval --train examples/bundles/demo/intents/it.textproto "
                      "--test lib/intent/testdata/demo_it.jsonl --oos-label oos"});

}  // namespace
}  // namespace chatcart::cli
