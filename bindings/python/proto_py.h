// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Protobuf messages as plain Python values, by reflection: a message is a
// dict of every field by its proto name (unset singular messages are None,
// enums their value names, map fields dicts in key order, 64-bit integers
// Python ints), except chatcart.v1.Money, a (minor_units, currency) tuple. The Python package wraps these dicts in small classes, so no
// protobuf module is needed in Python. Call with the GIL held.

#ifndef CHATCART_BINDINGS_PYTHON_PROTO_PY_H_
#define CHATCART_BINDINGS_PYTHON_PROTO_PY_H_

#include "google/protobuf/message.h"
#include "pybind11/pybind11.h"

namespace chatcart::python {

pybind11::dict MessageToPython(const google::protobuf::Message& message);

}  // namespace chatcart::python

#endif  // CHATCART_BINDINGS_PYTHON_PROTO_PY_H_
