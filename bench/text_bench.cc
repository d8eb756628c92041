// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The normalizer: folding, tokens with spans, stems. BM_Normalize is what
// every chat turn pays before understanding starts.

#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "text/fold.h"
#include "text/stem.h"
#include "text/tokenize.h"

namespace chatcart::text {
namespace {

const char* const kUtterances[] = {
    "I'd like to track my order 113542617735902, can you help?",            // ASCII
    "Vorrei delle scarpe da corsa sotto i 50 €, perché le mie sono rotte",  // accented
};

// Fold + tokenize (reusing the token vector, as a caller on a hot path does).
void BM_Normalize(benchmark::State& state) {
  const std::string text = kUtterances[state.range(0)];
  std::vector<Token> tokens;
  for (auto _ : state) {
    Tokenize(text, {}, &tokens);
    benchmark::DoNotOptimize(tokens.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.SetLabel(state.range(0) == 0 ? "ascii" : "accented");
}
BENCHMARK(BM_Normalize)->Arg(0)->Arg(1);

void BM_Text_Fold(benchmark::State& state) {
  const std::string text = kUtterances[state.range(0)];
  for (auto _ : state) {
    std::string folded = Fold(text);
    benchmark::DoNotOptimize(folded);
  }
  state.SetLabel(state.range(0) == 0 ? "ascii" : "accented");
}
BENCHMARK(BM_Text_Fold)->Arg(0)->Arg(1);

void BM_Text_Stem(benchmark::State& state) {
  Stemmer& stemmer = ThreadLocalStemmer(Language::kEnglish);
  const char* words[] = {"recommendations", "ordering", "cancelled", "shoes"};
  size_t i = 0;
  for (auto _ : state) {
    std::string_view s = stemmer.Stem(words[i++ & 3]);
    benchmark::DoNotOptimize(s);
  }
}
BENCHMARK(BM_Text_Stem)->ThreadRange(1, 2);

}  // namespace
}  // namespace chatcart::text
