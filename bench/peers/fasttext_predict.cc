// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Peer: fastText's prediction, one utterance per call, in process through the
// library (Debian's libfasttext-dev, the same sources as the `fasttext` command
// that trains the model). The command line only predicts a whole file at a
// time; this measures what a server embedding fastText pays per message.
//
//   fasttext_predict MODEL.bin TEXTS.txt PREDICTIONS.jsonl
//
// TEXTS.txt holds one preprocessed utterance per line (fasttext_peer.py writes
// it). Each line is predicted with FastText::predictLine (k = 1), timed alone;
// PREDICTIONS.jsonl gets {"pred": label, "score": probability, "us": time} per
// line, and stdout one JSON object with us_p50 and us_p99.
//
// Built by run.sh: g++ -O2 fasttext_predict.cc -lfasttext (not part of the
// CMake build: libfasttext-dev is no dependency of chatcart).

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "fasttext/fasttext.h"

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: fasttext_predict MODEL.bin TEXTS.txt PREDICTIONS.jsonl\n");
    return 2;
  }
  fasttext::FastText model;
  model.loadModel(argv[1]);
  std::ifstream in(argv[2]);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line + "\n");
  if (lines.empty()) {
    std::fprintf(stderr, "fasttext_predict: %s: no lines\n", argv[2]);
    return 1;
  }

  std::vector<std::pair<fasttext::real, std::string>> predictions;
  {
    std::istringstream warm(lines[0]);
    model.predictLine(warm, predictions, 1, 0.0);
  }
  std::FILE* out = std::fopen(argv[3], "w");
  if (out == nullptr) {
    std::fprintf(stderr, "fasttext_predict: cannot write %s\n", argv[3]);
    return 1;
  }
  std::vector<double> us;
  us.reserve(lines.size());
  const std::string prefix = "__label__";
  for (const std::string& line : lines) {
    const auto t0 = std::chrono::steady_clock::now();
    std::istringstream stream(line);
    model.predictLine(stream, predictions, 1, 0.0);
    const double t =
        std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count();
    us.push_back(t);
    std::string label = predictions.empty() ? "" : predictions[0].second;
    if (label.compare(0, prefix.size(), prefix) == 0) label = label.substr(prefix.size());
    const double score = predictions.empty() ? 0.0 : predictions[0].first;
    std::fprintf(out, "{\"pred\": \"%s\", \"score\": %.9g, \"us\": %.4f}\n", label.c_str(), score,
                 t);
  }
  std::fclose(out);
  std::sort(us.begin(), us.end());
  std::printf("{\"us_p50\": %.4f, \"us_p99\": %.4f}\n", us[us.size() / 2],
              us[std::min(us.size() - 1, us.size() * 99 / 100)]);
  return 0;
}
