// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// _chatcart.Desk's native object, shared by desk_py.cc (which defines it)
// and runtime_py.cc (a Conversations may route through it).

#ifndef CHATCART_BINDINGS_PYTHON_DESK_PY_H_
#define CHATCART_BINDINGS_PYTHON_DESK_PY_H_

#include <memory>

#include "chatcart/desk.h"

namespace chatcart::python {

struct PyDesk {
  std::shared_ptr<Desk> desk;
};

}  // namespace chatcart::python

#endif  // CHATCART_BINDINGS_PYTHON_DESK_PY_H_
