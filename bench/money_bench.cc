// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include <string>

#include "benchmark/benchmark.h"
#include "chatcart/money.h"

namespace chatcart {
namespace {

void BM_Money_Parse(benchmark::State& state) {
  for (auto _ : state) {
    absl::StatusOr<Money> m = Money::Parse("1234.56", "USD");
    benchmark::DoNotOptimize(m);
  }
}
BENCHMARK(BM_Money_Parse);

void BM_Money_Plus(benchmark::State& state) {
  Money a = *Money::Parse("1234.56", "USD");
  Money b = *Money::Parse("0.44", "USD");
  for (auto _ : state) {
    absl::StatusOr<Money> sum = a.Plus(b);
    benchmark::DoNotOptimize(sum);
  }
}
BENCHMARK(BM_Money_Plus);

void BM_Money_TimesRatio(benchmark::State& state) {
  Money a = *Money::Parse("1234.56", "EUR");
  for (auto _ : state) {
    absl::StatusOr<Money> tax = a.TimesRatio(19, 100, RoundingMode::kHalfEven);
    benchmark::DoNotOptimize(tax);
  }
}
BENCHMARK(BM_Money_TimesRatio);

void BM_Money_Format(benchmark::State& state) {
  Money a = *Money::Parse("1234.56", "EUR");
  for (auto _ : state) {
    absl::StatusOr<std::string> text = a.Format("fr-FR");
    benchmark::DoNotOptimize(text);
  }
}
BENCHMARK(BM_Money_Format)->ThreadRange(1, 2);

}  // namespace
}  // namespace chatcart
