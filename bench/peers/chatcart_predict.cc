// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The peer comparison's view of chatcart as one more system: trains an
// IntentModel from a JSON Lines file exactly as `chatcart eval` does (one
// intent per label, examples in file order, English, default options) and
// writes, for each utterance of a second file, the best intent and its
// calibrated confidence with the threshold off, timed one call at a time.
//
//   peers_chatcart_predict TRAIN.jsonl TEST.jsonl PREDICTIONS.jsonl
//
// bench/peers/intents.py uses it only where it needs per-utterance scores:
// choosing chatcart's out-of-scope threshold on the tuning split by the same
// rule as every peer (bench/peers/common.py). The table's chatcart figures come
// from `chatcart eval --json` on the same files. Files: one object per line
// with "text" and "intent" (string values; prepare.py writes them).

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "chatcart/intent.h"
#include "chatcart/json.h"
#include "simdjson.h"

namespace {

struct Row {
  std::string text;
  std::string label;
};

bool ReadRows(const char* path, std::vector<Row>* rows) {
  simdjson::padded_string content;
  if (simdjson::padded_string::load(path).get(content) != simdjson::SUCCESS) {
    std::fprintf(stderr, "peers_chatcart_predict: %s: cannot read\n", path);
    return false;
  }
  simdjson::ondemand::parser parser;
  simdjson::ondemand::document_stream stream;
  if (parser.iterate_many(content).get(stream) != simdjson::SUCCESS) return false;
  size_t line = 0;
  for (auto doc : stream) {
    ++line;
    std::string_view text, label;
    if (doc["text"].get_string().get(text) != simdjson::SUCCESS ||
        doc["intent"].get_string().get(label) != simdjson::SUCCESS) {
      std::fprintf(stderr, "peers_chatcart_predict: %s:%zu: needs string text and intent\n", path,
                   line);
      return false;
    }
    rows->push_back({std::string(text), std::string(label)});
  }
  return true;
}

std::string JsonString(std::string_view s) {
  std::string out;
  chatcart::AppendJsonString(s, &out);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr,
                 "usage: peers_chatcart_predict TRAIN.jsonl TEST.jsonl PREDICTIONS.jsonl\n");
    return 2;
  }
  std::vector<Row> train, test;
  if (!ReadRows(argv[1], &train) || !ReadRows(argv[2], &test)) return 1;

  std::vector<chatcart::IntentDefinition> intents;
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < train.size(); ++i) {
    auto [it, inserted] = index.emplace(train[i].label, intents.size());
    if (inserted) {
      intents.emplace_back();
      intents.back().name = train[i].label;
    }
    chatcart::IntentExample example;
    example.text = train[i].text;
    example.language = "en";
    intents[it->second].examples.push_back(std::move(example));
  }
  chatcart::IntentModelOptions options;
  options.oos_threshold = 0.0;  // the best intent and its confidence, always
  absl::StatusOr<std::shared_ptr<const chatcart::IntentModel>> model =
      chatcart::IntentModel::Build(intents, options);
  if (!model.ok()) {
    std::fprintf(stderr, "peers_chatcart_predict: %s\n", model.status().ToString().c_str());
    return 1;
  }

  std::FILE* out = std::fopen(argv[3], "w");
  if (out == nullptr) {
    std::fprintf(stderr, "peers_chatcart_predict: cannot write %s\n", argv[3]);
    return 1;
  }
  const chatcart::ClassifyOptions classify{.language = "en"};
  chatcart::IntentResult result;
  std::vector<double> us;
  for (const Row& row : test) {
    const auto t0 = std::chrono::steady_clock::now();
    (*model)->Classify(row.text, classify, &result);
    const double t =
        std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count();
    us.push_back(t);
    std::fprintf(out, "{\"pred\": %s, \"score\": %.9g, \"us\": %.4f}\n",
                 JsonString(result.intent).c_str(), result.confidence, t);
  }
  std::fclose(out);
  std::sort(us.begin(), us.end());
  std::printf("{\"train_s\": %.6f, \"train_cpu_s\": %.6f, \"us_p50\": %.4f, \"us_p99\": %.4f}\n",
              (*model)->stats().train_ms / 1000, (*model)->stats().train_cpu_ms / 1000,
              us.empty() ? 0.0 : us[us.size() / 2],
              us.empty() ? 0.0 : us[std::min(us.size() - 1, us.size() * 99 / 100)]);
  return 0;
}
