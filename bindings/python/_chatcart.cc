// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// _chatcart: the private pybind11 module under the `chatcart` package, close to
// the C++ API (RE2's two-layer design). Shims turn absl::StatusOr into values
// or into the exception classes of chatcart/_errors.py. Inputs are read with
// the GIL held; the GIL is released around engine work; Python objects are
// built after it is retaken.

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "chatcart/money.h"
#include "chatcart/version.h"
#include "pybind11/pybind11.h"
#include "pybind11/stl.h"

namespace py = pybind11;

namespace chatcart::python {
namespace {

// Raises the chatcart.Error subclass for `status`'s code.
[[noreturn]] void ThrowStatus(const absl::Status& status) {
  py::object errors = py::module_::import("chatcart._errors");
  py::object error = errors.attr("from_status")(
      static_cast<int>(status.code()), py::str(status.message().data(), status.message().size()));
  PyErr_SetObject(reinterpret_cast<PyObject*>(Py_TYPE(error.ptr())), error.ptr());
  throw py::error_already_set();
}

template <typename T>
T ValueOrThrow(absl::StatusOr<T> value) {
  if (!value.ok()) ThrowStatus(value.status());
  return *std::move(value);
}

int64_t ParseMoney(const std::string& decimal, const std::string& currency) {
  return ValueOrThrow(Money::Parse(decimal, currency)).minor_units();
}

std::string FormatMoney(int64_t minor_units, const std::string& currency,
                        const std::string& locale) {
  Money money = ValueOrThrow(Money::FromMinorUnits(minor_units, currency));
  return ValueOrThrow(money.Format(locale));
}

std::string MoneyDecimal(int64_t minor_units, const std::string& currency) {
  return ValueOrThrow(Money::FromMinorUnits(minor_units, currency)).ToDecimalString();
}

int Exponent(const std::string& currency) { return ValueOrThrow(CurrencyExponent(currency)); }

}  // namespace
}  // namespace chatcart::python

PYBIND11_MODULE(_chatcart, m) {
  namespace cp = chatcart::python;
  m.doc() = "chatcart's private native module; import chatcart instead.";
  m.attr("__version__") = CHATCART_VERSION_STRING;
  m.attr("VERSION_NUMBER") = CHATCART_VERSION_NUMBER;
  m.def("parse_money", &cp::ParseMoney, py::arg("decimal"), py::arg("currency"),
        "Exact minor units of a plain decimal string in an ISO 4217 currency.");
  m.def("format_money", &cp::FormatMoney, py::arg("minor_units"), py::arg("currency"),
        py::arg("locale"), "Formats money for people with ICU's conventions for a BCP 47 locale.");
  m.def("money_decimal", &cp::MoneyDecimal, py::arg("minor_units"), py::arg("currency"),
        "The exact decimal string of an amount.");
  m.def("currency_exponent", &cp::Exponent, py::arg("currency"),
        "Decimal places of a currency's minor unit, from ICU.");
}
