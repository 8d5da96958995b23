// The DICOM data dictionary DCMTK ships: keyword <-> tag lookups for profiles written by people.
#include "Internal.h"

#include "dcmtk/dcmdata/dcdict.h"
#include "dcmtk/dcmdata/dcdicent.h"

#include <cstring>
#include <string>
#include <unordered_map>

namespace {

struct StandardEntry {
  uint16_t group;
  uint16_t element;
  std::string vr;
};

/// Keyword -> standard (even-group, non-repeating) entry. DCMTK's findEntry(name) may return a
/// private dictionary entry that shares a standard keyword, so build our own index once.
const std::unordered_map<std::string, StandardEntry> &standard_keywords() {
  static const std::unordered_map<std::string, StandardEntry> index = [] {
    std::unordered_map<std::string, StandardEntry> built;
    DcmDataDictionary &dictionary = const_cast<DcmDataDictionary &>(dcmDataDict.rdlock());
    for (auto it = dictionary.normalBegin(); it != dictionary.normalEnd(); ++it) {
      const DcmDictEntry *entry = *it;
      if (entry == nullptr || entry->getPrivateCreator() != nullptr || entry->getGroup() % 2 == 1) continue;
      const char *vr = entry->getVR().getValidVRName();
      built.emplace(entry->getTagName(), StandardEntry{entry->getGroup(), entry->getElement(), vr ? vr : ""});
    }
    dcmDataDict.rdunlock();
    return built;
  }();
  return index;
}

}  // namespace

extern "C" int dd_dictionary_find_keyword(const char *keyword, uint16_t *group, uint16_t *element, char vr[4]) {
  dd_global_init();
  const auto &index = standard_keywords();
  const auto found = index.find(keyword);
  if (found == index.end()) return 1;
  *group = found->second.group;
  *element = found->second.element;
  std::memset(vr, 0, 4);
  std::strncpy(vr, found->second.vr.c_str(), 3);
  return 0;
}

extern "C" int dd_dictionary_describe(uint16_t group, uint16_t element, char *keyword, size_t keyword_size,
                                      char vr[4]) {
  dd_global_init();
  const DcmDataDictionary &dictionary = dcmDataDict.rdlock();
  const DcmDictEntry *entry = dictionary.findEntry(DcmTagKey(group, element), nullptr);
  int status = 1;
  if (entry != nullptr) {
    std::strncpy(keyword, entry->getTagName(), keyword_size - 1);
    keyword[keyword_size - 1] = '\0';
    std::memset(vr, 0, 4);
    const char *name = entry->getVR().getValidVRName();
    if (name != nullptr) std::strncpy(vr, name, 3);
    status = 0;
  }
  dcmDataDict.rdunlock();
  return status;
}
