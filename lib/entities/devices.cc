// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "entities/devices.h"

#include "entities/compatibility.h"

namespace chatcart::entities {
namespace {

using text::Language;

enum Need : uint8_t {
  kAlone,  // a device by its name alone
  kModel,  // only with a model or a cue ("Pixel 6", "my Surface")
  kCue,    // only with a cue ("my Samsung")
};

struct DeviceName {
  const char* phrase;
  const char* platform;
  Need need;
};

constexpr DeviceName kDevices[] = {
    {"galaxy note", "android", kAlone},
    {"galaxy tab", "android", kAlone},
    {"galaxy z", "android", kAlone},
    {"pixel", "android", kModel},
    {"oneplus", "android", kAlone},
    {"one plus", "android", kAlone},
    {"xiaomi", "android", kAlone},
    {"redmi", "android", kAlone},
    {"huawei", "android", kAlone},
    {"oppo", "android", kAlone},
    {"realme", "android", kAlone},
    {"motorola", "android", kAlone},
    {"moto", "android", kModel},
    {"xperia", "android", kAlone},
    {"htc one", "android", kAlone},
    {"htc", "android", kCue},
    {"nokia", "android", kCue},
    {"lg", "android", kCue},
    {"kindle fire", "android", kAlone},
    {"fire tablet", "android", kAlone},
    {"nokia lumia", "windows_phone", kAlone},
    {"surface", "windows", kModel},
    {"surface pro", "windows", kAlone},
    {"surface laptop", "windows", kAlone},
    {"surface book", "windows", kAlone},
    {"surface go", "windows", kAlone},
    {"thinkpad", "windows", kAlone},
    {"ideapad", "windows", kAlone},
    {"xps", "windows", kModel},
    {"macbook air", "mac", kAlone},
    {"macbook pro", "mac", kAlone},
    {"mac mini", "mac", kAlone},
    {"mac studio", "mac", kAlone},
    {"ipad air", "ipad", kAlone},
    {"ipad pro", "ipad", kAlone},
    {"ipad mini", "ipad", kAlone},
};

}  // namespace

void AddDeviceWords(Language language, LexiconBuilder* lx) {
  for (const DeviceName& d : kDevices) {
    AddPlatform(d.phrase, d.platform, lx);
    if (d.need == kModel) lx->AddRoles(d.phrase, kDeviceNeedsModel);
    if (d.need == kCue) lx->AddRoles(d.phrase, kCompatNeedsCue);
  }
  // Makers join the device named after them.
  lx->AddRoles({"samsung", "google", "sony", "apple", "htc", "nokia", "motorola", "dell", "lenovo",
                "hp", "asus", "acer", "microsoft", "xiaomi", "huawei", "oneplus", "lg"},
               kDeviceMaker);
  lx->AddRoles({"lite", "note", "tab", "nord", "reno", "edge", "fold", "flip", "neo", "prime", "fe",
                "mate", "nova", "se", "s", "c", "a", "e", "g", "z", "x"},
               kModelSuffix);
  lx->AddRoles({"phone", "smartphone", "mobile", "cellphone", "cell phone"}, kPhoneWord);
  switch (language) {
    case Language::kEnglish:
      break;
    case Language::kItalian:
      lx->AddRoles({"telefono", "telefonino", "cellulare", "smartphone", "cell"}, kPhoneWord);
      break;
    case Language::kFrench:
      lx->AddRoles({"téléphone", "smartphone", "mobile", "tel", "tél", "portable"}, kPhoneWord);
      break;
  }
}

}  // namespace chatcart::entities
