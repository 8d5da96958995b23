// Shared internals of the CDCMTK shim. Not part of the C API.
#ifndef CDCMTK_INTERNAL_H
#define CDCMTK_INTERNAL_H

#include "dcmtk/config/osconfig.h"
#include "dcmtk/dcmdata/dctk.h"
#include "include/CDCMTK.h"

#include <exception>
#include <functional>
#include <string>
#include <vector>

struct dd_file_t_ {
  DcmFileFormat format;
  std::string original_xfer_uid;
  bool had_meta_header = false;
  uint32_t nesting_depth = 0;
};

namespace cdcmtk {

/// Items are handed out as the DcmItem pointer itself.
inline DcmItem *item(dd_item_t *handle) { return reinterpret_cast<DcmItem *>(handle); }
inline dd_item_t *handle(DcmItem *item) { return reinterpret_cast<dd_item_t *>(item); }

/// Fills err (when given) and returns 1.
int fail(dd_error_t *err, const std::string &message);
int fail(dd_error_t *err, const OFCondition &condition, const std::string &context);

/// Runs `body`, turning any C++ exception into a failed status.
int guarded(dd_error_t *err, const std::function<int()> &body);

/// Runs `body` on a thread with a large stack (DCMTK parses and frees sequences recursively).
void run_on_large_stack(const std::function<void()> &body);

/// The deepest sequence nesting in `item`, computed without recursion.
uint32_t nesting_depth(DcmItem *item);

/// The two-letter VR of an element, with DCMTK's internal pseudo-VRs mapped to real ones.
std::string vr_name(DcmElement *element);

/// Expected native pixel bytes from the image pixel module, or 0 if the module is incomplete.
uint64_t expected_pixel_bytes(DcmItem *dataset);

/// JPEG 2000 transfer syntaxes decoded with OpenJPEG (DCMTK 3.6.7 on Debian has no codec for them).
bool is_jpeg2000(const std::string &uid);
int decode_jpeg2000(DcmDataset *dataset, std::vector<uint8_t> &out, std::string &photometric, dd_error_t *err);
/// Replaces native PixelData with JPEG 2000 reversible codestreams (one fragment per frame).
int encode_jpeg2000_lossless(DcmDataset *dataset, dd_error_t *err);

}  // namespace cdcmtk

#endif
