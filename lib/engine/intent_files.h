// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// A bundle's IntentSet files as IntentDefinitions for IntentModel::Build,
// merged by intent name, each example and pattern carrying its file:line.

#ifndef CHATCART_ENGINE_INTENT_FILES_H_
#define CHATCART_ENGINE_INTENT_FILES_H_

#include <string>
#include <vector>

#include "chatcart/intent.h"
#include "engine/bundle_reader.h"

namespace chatcart::engine {

// Parses `files` (text-format IntentSet). Appends every problem to `errors`
// (syntax errors with file:line:column, a missing or unknown language, an
// intent without a name).
std::vector<IntentDefinition> ReadIntentDefinitions(const std::vector<BundleFile>& files,
                                                    std::vector<std::string>* errors);

}  // namespace chatcart::engine

#endif  // CHATCART_ENGINE_INTENT_FILES_H_
