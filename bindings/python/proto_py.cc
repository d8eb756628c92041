// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "proto_py.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "chatcart/v1/money.pb.h"
#include "google/protobuf/descriptor.h"

namespace chatcart::python {
namespace {

namespace gp = google::protobuf;
namespace py = pybind11;

py::object ValueToPython(const gp::Message& message);

py::object Scalar(const gp::Message& m, const gp::FieldDescriptor* f) {
  const gp::Reflection* r = m.GetReflection();
  switch (f->cpp_type()) {
    case gp::FieldDescriptor::CPPTYPE_INT32:
      return py::int_(r->GetInt32(m, f));
    case gp::FieldDescriptor::CPPTYPE_INT64:
      return py::int_(r->GetInt64(m, f));
    case gp::FieldDescriptor::CPPTYPE_UINT32:
      return py::int_(r->GetUInt32(m, f));
    case gp::FieldDescriptor::CPPTYPE_UINT64:
      return py::int_(r->GetUInt64(m, f));
    case gp::FieldDescriptor::CPPTYPE_DOUBLE:
      return py::float_(r->GetDouble(m, f));
    case gp::FieldDescriptor::CPPTYPE_FLOAT:
      return py::float_(r->GetFloat(m, f));
    case gp::FieldDescriptor::CPPTYPE_BOOL:
      return py::bool_(r->GetBool(m, f));
    case gp::FieldDescriptor::CPPTYPE_ENUM:
      return py::str(r->GetEnum(m, f)->name());
    case gp::FieldDescriptor::CPPTYPE_STRING: {
      std::string scratch;
      const std::string& s = r->GetStringReference(m, f, &scratch);
      if (f->type() == gp::FieldDescriptor::TYPE_BYTES) return py::bytes(s);
      return py::str(s);  // the engine emits valid UTF-8
    }
    case gp::FieldDescriptor::CPPTYPE_MESSAGE:
      return ValueToPython(r->GetMessage(m, f));
  }
  return py::none();
}

py::object RepeatedElement(const gp::Message& m, const gp::FieldDescriptor* f, int i) {
  const gp::Reflection* r = m.GetReflection();
  switch (f->cpp_type()) {
    case gp::FieldDescriptor::CPPTYPE_INT32:
      return py::int_(r->GetRepeatedInt32(m, f, i));
    case gp::FieldDescriptor::CPPTYPE_INT64:
      return py::int_(r->GetRepeatedInt64(m, f, i));
    case gp::FieldDescriptor::CPPTYPE_UINT32:
      return py::int_(r->GetRepeatedUInt32(m, f, i));
    case gp::FieldDescriptor::CPPTYPE_UINT64:
      return py::int_(r->GetRepeatedUInt64(m, f, i));
    case gp::FieldDescriptor::CPPTYPE_DOUBLE:
      return py::float_(r->GetRepeatedDouble(m, f, i));
    case gp::FieldDescriptor::CPPTYPE_FLOAT:
      return py::float_(r->GetRepeatedFloat(m, f, i));
    case gp::FieldDescriptor::CPPTYPE_BOOL:
      return py::bool_(r->GetRepeatedBool(m, f, i));
    case gp::FieldDescriptor::CPPTYPE_ENUM:
      return py::str(r->GetRepeatedEnum(m, f, i)->name());
    case gp::FieldDescriptor::CPPTYPE_STRING: {
      std::string scratch;
      const std::string& s = r->GetRepeatedStringReference(m, f, i, &scratch);
      if (f->type() == gp::FieldDescriptor::TYPE_BYTES) return py::bytes(s);
      return py::str(s);
    }
    case gp::FieldDescriptor::CPPTYPE_MESSAGE:
      return ValueToPython(r->GetRepeatedMessage(m, f, i));
  }
  return py::none();
}

// A map field as a dict in key order (reflection sees the entries in an
// unspecified order; the same result must give the same dict).
py::dict MapToPython(const gp::Message& m, const gp::FieldDescriptor* f) {
  const gp::Reflection* r = m.GetReflection();
  const int n = r->FieldSize(m, f);
  const gp::FieldDescriptor* key = f->message_type()->map_key();
  const gp::FieldDescriptor* value = f->message_type()->map_value();
  std::vector<std::pair<py::object, py::object>> entries;
  entries.reserve(n);
  for (int i = 0; i < n; ++i) {
    const gp::Message& entry = r->GetRepeatedMessage(m, f, i);
    entries.emplace_back(Scalar(entry, key), Scalar(entry, value));
  }
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  py::dict out;
  for (auto& [k, v] : entries) out[k] = v;
  return out;
}

// The field's name as an interned Python str, made once per field: dict keys
// are not rebuilt on every turn. The map is only touched with the GIL held.
PyObject* FieldName(const gp::FieldDescriptor* f) {
  static auto* names = new std::unordered_map<const gp::FieldDescriptor*, PyObject*>();
  auto [it, inserted] = names->try_emplace(f, nullptr);
  if (inserted) it->second = PyUnicode_InternFromString(f->name().c_str());
  return it->second;
}

void Set(py::dict& out, const gp::FieldDescriptor* f, py::object value) {
  PyObject* key = FieldName(f);
  if (key == nullptr || PyDict_SetItem(out.ptr(), key, value.ptr()) != 0) {
    throw py::error_already_set();
  }
}

py::object ValueToPython(const gp::Message& message) {
  // chatcart.v1.Money, the most frequent message in results, as a cheap
  // (minor_units, currency) tuple.
  if (const auto* money = dynamic_cast<const v1::Money*>(&message)) {
    return py::make_tuple(money->minor_units(), money->currency());
  }
  return MessageToPython(message);
}

}  // namespace

py::dict MessageToPython(const gp::Message& message) {
  const gp::Descriptor* d = message.GetDescriptor();
  const gp::Reflection* r = message.GetReflection();
  py::dict out;
  for (int i = 0; i < d->field_count(); ++i) {
    const gp::FieldDescriptor* f = d->field(i);
    if (f->is_map()) {
      Set(out, f, MapToPython(message, f));
    } else if (f->is_repeated()) {
      const int n = r->FieldSize(message, f);
      py::list items(n);
      for (int k = 0; k < n; ++k) items[k] = RepeatedElement(message, f, k);
      Set(out, f, std::move(items));
    } else if (f->cpp_type() == gp::FieldDescriptor::CPPTYPE_MESSAGE && !r->HasField(message, f)) {
      Set(out, f, py::none());
    } else {
      Set(out, f, Scalar(message, f));
    }
  }
  return out;
}

}  // namespace chatcart::python
