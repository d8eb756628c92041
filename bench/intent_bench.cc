// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Understanding: classify one utterance with models trained on the shared
// data sets (Bitext: 27 intents; CLINC150: 150 intents + out of scope).
// Training happens once per benchmark, outside the timed loop. The data sets
// are read from CHATCART_DATA_DIR; a benchmark whose data is absent reports
// an error and skips.

#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "chatcart/intent.h"

namespace chatcart {
namespace {

std::string DataDir() {
  const char* env = std::getenv("CHATCART_DATA_DIR");
  return env != nullptr ? env : CHATCART_DATA_DIR;
}

// The value of a string field in one JSONL line of the data sets (plain
// "key": "value" pairs; escapes are kept as written, which is enough here).
std::string Field(const std::string& line, const std::string& key) {
  const size_t at = line.find("\"" + key + "\": \"");
  if (at == std::string::npos) return "";
  std::string out;
  for (size_t i = at + key.size() + 5; i < line.size() && line[i] != '"'; ++i) {
    if (line[i] == '\\' && i + 1 < line.size()) ++i;
    out += line[i];
  }
  return out;
}

struct Data {
  std::vector<IntentDefinition> intents;
  std::vector<std::string> test_texts;
};

bool Load(const std::string& name, const std::string& test_file, Data* data) {
  std::ifstream train(DataDir() + "/" + name + "/train.jsonl");
  std::ifstream test(DataDir() + "/" + name + "/" + test_file);
  if (!train || !test) return false;
  std::map<std::string, size_t> index;
  std::string line;
  while (std::getline(train, line)) {
    std::string text = Field(line, "text");
    if (text.empty()) text = Field(line, "utterance");
    const std::string label = Field(line, "intent");
    auto [it, inserted] = index.emplace(label, data->intents.size());
    if (inserted) {
      IntentDefinition def;
      def.name = label;
      data->intents.push_back(std::move(def));
    }
    data->intents[it->second].examples.push_back({text, "en", ""});
  }
  while (std::getline(test, line)) {
    std::string text = Field(line, "text");
    if (text.empty()) text = Field(line, "utterance");
    data->test_texts.push_back(text);
  }
  return !data->test_texts.empty();
}

void ClassifyBenchmark(benchmark::State& state, const std::string& name,
                       const std::string& test_file) {
  static std::map<std::string, std::shared_ptr<const IntentModel>> models;
  static std::map<std::string, Data> datas;
  Data& data = datas[name];
  if (data.test_texts.empty() && !Load(name, test_file, &data)) {
    state.SkipWithError(("data set " + name + " not found under " + DataDir()).c_str());
    return;
  }
  std::shared_ptr<const IntentModel>& model = models[name];
  if (model == nullptr) {
    absl::StatusOr<std::shared_ptr<const IntentModel>> built =
        IntentModel::Build(data.intents, IntentModelOptions());
    if (!built.ok()) {
      state.SkipWithError(std::string(built.status().message()).c_str());
      return;
    }
    model = *built;
  }
  IntentResult result;
  size_t i = 0;
  for (auto _ : state) {
    model->Classify(data.test_texts[i], {}, &result);
    benchmark::DoNotOptimize(result.confidence);
    if (++i == data.test_texts.size()) i = 0;
  }
  state.counters["model_bytes"] = benchmark::Counter(
      static_cast<double>(model->stats().model_bytes), benchmark::Counter::kAvgThreads);
}

void BM_Intent_Classify_Bitext(benchmark::State& state) {
  ClassifyBenchmark(state, "bitext", "dev.jsonl");
}
BENCHMARK(BM_Intent_Classify_Bitext)->ThreadRange(1, 2);

void BM_Intent_Classify_Clinc150(benchmark::State& state) {
  ClassifyBenchmark(state, "clinc150", "val.jsonl");
}
BENCHMARK(BM_Intent_Classify_Clinc150)->ThreadRange(1, 2);

}  // namespace
}  // namespace chatcart
