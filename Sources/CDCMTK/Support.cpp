// Error plumbing, the large-stack runner and tree walks shared by the shim's areas.
#include "Internal.h"

#include <pthread.h>

#include <cstring>

namespace cdcmtk {

int fail(dd_error_t *err, const std::string &message) {
  if (err != nullptr) {
    std::strncpy(err->message, message.c_str(), sizeof(err->message) - 1);
    err->message[sizeof(err->message) - 1] = '\0';
  }
  return 1;
}

int fail(dd_error_t *err, const OFCondition &condition, const std::string &context) {
  return fail(err, context.empty() ? std::string(condition.text()) : context + ": " + condition.text());
}

int guarded(dd_error_t *err, const std::function<int()> &body) {
  try {
    return body();
  } catch (const std::bad_alloc &) {
    return fail(err, "out of memory");
  } catch (const std::exception &e) {
    return fail(err, std::string("internal error: ") + e.what());
  } catch (...) {
    return fail(err, "internal error: unknown exception");
  }
}

namespace {
void *run_body(void *context) {
  auto *body = static_cast<const std::function<void()> *>(context);
  try {
    (*body)();
  } catch (...) {
    // Callers catch inside body; nothing may escape a thread.
  }
  return nullptr;
}
}  // namespace

void run_on_large_stack(const std::function<void()> &body) {
  // 1 GiB of address space: only the pages touched are ever committed.
  static const size_t kStackSize = size_t(1) << 30;
  // A caller that already runs on a large stack (dcmdeid's workers do) needs no extra thread.
  pthread_attr_t current;
  if (pthread_getattr_np(pthread_self(), &current) == 0) {
    size_t size = 0;
    pthread_attr_getstacksize(&current, &size);
    pthread_attr_destroy(&current);
    if (size >= kStackSize / 2) {
      body();
      return;
    }
  }
  pthread_attr_t attributes;
  pthread_attr_init(&attributes);
  pthread_attr_setstacksize(&attributes, kStackSize);
  pthread_t thread;
  if (pthread_create(&thread, &attributes, run_body, const_cast<std::function<void()> *>(&body)) != 0) {
    pthread_attr_destroy(&attributes);
    body();  // could not get a thread: run here rather than not at all
    return;
  }
  pthread_attr_destroy(&attributes);
  pthread_join(thread, nullptr);
}

uint32_t nesting_depth(DcmItem *root) {
  std::vector<std::pair<DcmItem *, uint32_t>> pending{{root, 0}};
  uint32_t deepest = 0;
  while (!pending.empty()) {
    auto [item, depth] = pending.back();
    pending.pop_back();
    if (depth > deepest) deepest = depth;
    const unsigned long count = item->card();
    for (unsigned long i = 0; i < count; i++) {
      DcmElement *element = item->getElement(i);
      if (element == nullptr || element->ident() != EVR_SQ) continue;
      auto *sequence = static_cast<DcmSequenceOfItems *>(element);
      for (unsigned long j = 0; j < sequence->card(); j++) pending.push_back({sequence->getItem(j), depth + 1});
    }
  }
  return deepest;
}

std::string vr_name(DcmElement *element) {
  const DcmEVR evr = element->getTag().getEVR();
  switch (evr) {
    case EVR_ox:
    case EVR_px: return element->getTag() == DCM_PixelData ? "OW" : "OB";
    case EVR_xs: return "US";
    case EVR_lt: return "OW";
    case EVR_up: return "UL";
    case EVR_na:
    case EVR_UNKNOWN:
    case EVR_UNKNOWN2B: return "UN";
    default: break;
  }
  const char *name = DcmVR(evr).getValidVRName();
  return name != nullptr ? name : "UN";
}

uint64_t expected_pixel_bytes(DcmItem *dataset) {
  Uint16 rows = 0, columns = 0, bits = 0, samples = 1;
  if (dataset->findAndGetUint16(DCM_Rows, rows).bad() || dataset->findAndGetUint16(DCM_Columns, columns).bad() ||
      dataset->findAndGetUint16(DCM_BitsAllocated, bits).bad())
    return 0;
  dataset->findAndGetUint16(DCM_SamplesPerPixel, samples);
  Sint32 frames = 1;
  if (dataset->findAndGetSint32(DCM_NumberOfFrames, frames).bad() || frames < 1) frames = 1;
  const uint64_t pixels = uint64_t(rows) * columns * uint64_t(samples == 0 ? 1 : samples) * uint64_t(frames);
  return bits == 1 ? (pixels + 7) / 8 : pixels * ((uint64_t(bits) + 7) / 8);
}

}  // namespace cdcmtk

extern "C" void dd_buffer_free(void *buffer) { std::free(buffer); }
