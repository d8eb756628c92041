// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The engine's spelling of chatcart/wire.h (engine::DeterministicBytes, ...);
// new code includes the public header.

#ifndef CHATCART_ENGINE_WIRE_H_
#define CHATCART_ENGINE_WIRE_H_

#include "chatcart/wire.h"

namespace chatcart::engine {

using ::chatcart::DeterministicBytes;
using ::chatcart::DeterministicJson;
using ::chatcart::ParseJson;

}  // namespace chatcart::engine

#endif  // CHATCART_ENGINE_WIRE_H_
