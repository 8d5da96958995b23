// Loading, saving and transfer syntaxes: the dd_file_* and dd_xfer_* part of the C API.
#include "Internal.h"

#include "dcmtk/dcmdata/dcrledrg.h"
#include "dcmtk/dcmdata/dcrleerg.h"
#include "dcmtk/dcmdata/dcistrmb.h"
#include "dcmtk/dcmdata/dcpixseq.h"
#include "dcmtk/dcmdata/dcpxitem.h"
#include "dcmtk/dcmjpeg/djdecode.h"
#include "dcmtk/dcmjpeg/djencode.h"
#include "dcmtk/dcmjpls/djdecode.h"
#include "dcmtk/dcmjpls/djencode.h"
#include "dcmtk/dcmjpls/djrparam.h"
#include "dcmtk/dcmjpeg/djrplol.h"
#include "dcmtk/dcmdata/dcuid.h"

#include <cstdio>
#include <cstring>
#include <mutex>

using namespace cdcmtk;

extern "C" void dd_global_init(void) {
  static std::once_flag once;
  std::call_once(once, [] {
    // No console noise from DCMTK: conditions reach the caller through dd_error_t.
    OFLog::configure(OFLogger::FATAL_LOG_LEVEL);
    // A standard (or known private) attribute stored as UN (CP-246, e.g. after a PACS that did not
    // know it) is read with its dictionary VR, as PS3.5 6.2.2 asks and pydicom does: otherwise its
    // text (Window Center, SOP Class UID, Patient's Name...) is opaque bytes to everything above.
    dcmEnableUnknownVRConversion.set(OFTrue);
    DJDecoderRegistration::registerCodecs();
    DJEncoderRegistration::registerCodecs();
    DJLSDecoderRegistration::registerCodecs();
    DJLSEncoderRegistration::registerCodecs();
    DcmRLEDecoderRegistration::registerCodecs();
    DcmRLEEncoderRegistration::registerCodecs();
  });
}

extern "C" const char *dd_dcmtk_version(void) { return OFFIS_DCMTK_VERSION_STRING; }

namespace {

/// Loads with `load` on a large stack, then applies the limits and reads all values into memory
/// (so nothing is fetched lazily from the input afterwards).
dd_file_t *load_checked(const std::function<OFCondition(DcmFileFormat &)> &load, dd_load_limits_t limits,
                        const std::string &what, dd_error_t *err) {
  dd_global_init();
  auto *file = new (std::nothrow) dd_file_t_();
  if (file == nullptr) {
    fail(err, "out of memory");
    return nullptr;
  }
  int status = 0;
  run_on_large_stack([&] {
    status = guarded(err, [&] {
      OFCondition condition = load(file->format);
      if (condition.bad()) return fail(err, condition, what);
      file->nesting_depth = nesting_depth(file->format.getDataset());
      if (file->nesting_depth > limits.max_nesting_depth)
        return fail(err, "sequences nested " + std::to_string(file->nesting_depth) + " levels deep (limit " +
                             std::to_string(limits.max_nesting_depth) + ")");
      condition = file->format.loadAllDataIntoMemory();
      if (condition.bad()) return fail(err, condition, what);
      return 0;
    });
  });
  if (status != 0) {
    run_on_large_stack([&] { delete file; });  // freeing is recursive too
    return nullptr;
  }
  DcmXfer xfer(file->format.getDataset()->getOriginalXfer());
  file->original_xfer_uid = xfer.getXferID();
  OFString metaXfer;
  file->had_meta_header = file->format.getMetaInfo()->card() > 0 &&
                          file->format.getMetaInfo()->findAndGetOFString(DCM_TransferSyntaxUID, metaXfer).good();
  // A syntax DCMTK 3.6.7 predates (HTJ2K, JPEG XL, Deflated Image Frame Compression...): DCMTK falls
  // back to the encoding it detects, but the file is in the declared syntax, and must be reported
  // (and refused) as such, not rewritten under the detected one.
  if (file->had_meta_header && !metaXfer.empty() && DcmXfer(metaXfer.c_str()).getXfer() == EXS_Unknown)
    file->original_xfer_uid = metaXfer.c_str();
  return file;
}

/// Whether the file's first bytes are a (0008,xxxx) tag, i.e. a raw dataset whose first 128 bytes
/// might pass for a preamble (followed, by chance, by "DICM").
bool starts_like_raw_dataset(const char *path) {
  unsigned char head[4] = {0, 0, 0, 0};
  FILE *stream = std::fopen(path, "rb");
  if (stream == nullptr) return false;
  const size_t count = std::fread(head, 1, sizeof(head), stream);
  std::fclose(stream);
  return count == sizeof(head) && head[0] == 0x08 && head[1] == 0x00;
}

E_TransferSyntax xfer_of(const char *uid) { return DcmXfer(uid).getXfer(); }

bool is_lossless_encapsulated_target(E_TransferSyntax xfer) {
  return xfer == EXS_RLELossless || xfer == EXS_JPEGProcess14SV1 || xfer == EXS_JPEGProcess14 ||
         xfer == EXS_JPEGLSLossless;
}

/// DCMTK's JPEG-LS encoder pads an odd-length frame to even length with a byte it never sets: the
/// output then differs from run to run, by whatever that heap byte held. DICOM pads with 0x00
/// (PS3.5 A.4): every fragment that ends in EOI (FF D9) plus one byte gets that byte zeroed.
void zero_pad_after_end_of_image(DcmDataset *dataset, E_TransferSyntax xfer, const DcmRepresentationParameter *parameter) {
  DcmElement *element = nullptr;
  if (dataset->findAndGetElement(DCM_PixelData, element).bad() || element == nullptr) return;
  DcmPixelSequence *sequence = nullptr;
  if (OFstatic_cast(DcmPixelData *, element)->getEncapsulatedRepresentation(xfer, parameter, sequence).bad() ||
      sequence == nullptr)
    return;
  for (unsigned long index = 1; index < sequence->card(); ++index) {  // item 0 is the offset table
    DcmPixelItem *item = nullptr;
    Uint8 *bytes = nullptr;
    if (sequence->getItem(item, index).bad() || item == nullptr || item->getUint8Array(bytes).bad() || bytes == nullptr)
      continue;
    const Uint32 length = item->getLength();
    if (length >= 3 && length % 2 == 0 && bytes[length - 3] == 0xFF && bytes[length - 2] == 0xD9) bytes[length - 1] = 0;
  }
}

/// Makes the pixel data available in `xfer`, encoding only losslessly.
int prepare_pixels(dd_file_t *file, E_TransferSyntax xfer, dd_error_t *err) {
  DcmDataset *dataset = file->format.getDataset();
  if (dataset->canWriteXfer(xfer, dataset->getOriginalXfer())) {
    // The current representation can be written as is (or decoded losslessly by DCMTK).
    DcmXfer target(xfer);
    if (!target.isEncapsulated()) {
      OFCondition condition = dataset->chooseRepresentation(xfer, nullptr);
      if (condition.bad()) return fail(err, condition, "cannot decode pixel data");
    }
    return 0;
  }
  if (xfer == EXS_JPEG2000LosslessOnly) {
    if (encode_jpeg2000_lossless(dataset, err) != 0) return 1;
    if (!dataset->canWriteXfer(xfer)) return fail(err, "cannot write the JPEG 2000 pixel data");
    return 0;
  }
  if (!is_lossless_encapsulated_target(xfer))
    return fail(err, std::string("refusing to encode pixel data in ") + DcmXfer(xfer).getXferName() +
                         " (not a lossless transfer syntax this build can encode)");
  OFCondition condition;
  if (xfer == EXS_JPEGLSLossless) {
    DJLSRepresentationParameter parameter(0, OFTrue);
    condition = dataset->chooseRepresentation(xfer, &parameter);
    if (condition.good()) zero_pad_after_end_of_image(dataset, xfer, &parameter);
  } else if (xfer == EXS_JPEGProcess14SV1 || xfer == EXS_JPEGProcess14) {
    DJ_RPLossless parameter;
    condition = dataset->chooseRepresentation(xfer, &parameter);
    if (condition.good()) zero_pad_after_end_of_image(dataset, xfer, &parameter);
  } else {
    condition = dataset->chooseRepresentation(xfer, nullptr);
  }
  if (condition.bad()) return fail(err, condition, std::string("cannot encode in ") + DcmXfer(xfer).getXferName());
  if (!dataset->canWriteXfer(xfer)) return fail(err, std::string("cannot encode in ") + DcmXfer(xfer).getXferName());
  return 0;
}

}  // namespace

extern "C" dd_file_t *dd_file_load(const char *path, dd_load_limits_t limits, dd_error_t *err) {
  dd_file_t *file = load_checked([&](DcmFileFormat &format) { return format.loadFile(OFFilename(path), EXS_Unknown,
                                                                                     EGL_noChange, DCM_MaxReadLength,
                                                                                     ERM_autoDetect); },
                                 limits, "", err);
  if (file != nullptr || !starts_like_raw_dataset(path)) return file;
  // DCMTK took the start of a raw dataset for a preamble ("DICM" happens to sit at offset 128):
  // read it as a dataset instead. When that fails too, the first error is the one reported.
  dd_error_t retry_err;
  file = load_checked([&](DcmFileFormat &format) { return format.loadFile(OFFilename(path), EXS_Unknown,
                                                                          EGL_noChange, DCM_MaxReadLength,
                                                                          ERM_dataset); },
                      limits, "", &retry_err);
  return file;
}

extern "C" dd_file_t *dd_file_load_buffer(const void *bytes, size_t length, const char *raw_xfer_uid,
                                          dd_load_limits_t limits, dd_error_t *err) {
  return load_checked(
      [&](DcmFileFormat &format) {
        DcmInputBufferStream stream;
        stream.setBuffer(bytes, offile_off_t(length));
        stream.setEos();
        format.transferInit();
        OFCondition condition;
        if (raw_xfer_uid != nullptr) {
          condition = format.getDataset()->read(stream, xfer_of(raw_xfer_uid), EGL_noChange);
        } else {
          condition = format.read(stream, EXS_Unknown, EGL_noChange);
        }
        format.transferEnd();
        return condition;
      },
      limits, "", err);
}

extern "C" dd_file_t *dd_file_create(void) {
  dd_global_init();
  auto *file = new dd_file_t_();
  file->original_xfer_uid = UID_LittleEndianExplicitTransferSyntax;
  return file;
}

extern "C" void dd_file_free(dd_file_t *file) {
  if (file == nullptr) return;
  if (file->nesting_depth > 64) {
    run_on_large_stack([&] { delete file; });
  } else {
    delete file;
  }
}

extern "C" dd_item_t *dd_file_dataset(dd_file_t *file) { return handle(file->format.getDataset()); }
extern "C" dd_item_t *dd_file_meta(dd_file_t *file) { return handle(file->format.getMetaInfo()); }
extern "C" const char *dd_file_original_xfer(dd_file_t *file) { return file->original_xfer_uid.c_str(); }
extern "C" int32_t dd_file_had_meta_header(dd_file_t *file) { return file->had_meta_header ? 1 : 0; }

extern "C" int dd_file_save(dd_file_t *file, const char *path, const char *xfer_uid, dd_error_t *err) {
  return guarded(err, [&] {
    const E_TransferSyntax xfer = xfer_of(xfer_uid);
    if (xfer == EXS_Unknown) return fail(err, std::string("unknown transfer syntax ") + xfer_uid);
    if (prepare_pixels(file, xfer, err) != 0) return 1;
    OFCondition condition = file->format.saveFile(OFFilename(path), xfer, EET_UndefinedLength, EGL_recalcGL,
                                                  EPD_noChange, 0, 0, EWM_createNewMeta);
    if (condition.bad()) return fail(err, condition, "cannot write");
    return 0;
  });
}

extern "C" const char *dd_xfer_name(const char *uid) {
  DcmXfer xfer(uid);
  return xfer.getXfer() == EXS_Unknown ? "" : xfer.getXferName();
}

extern "C" int32_t dd_xfer_is_encapsulated(const char *uid) { return DcmXfer(uid).isEncapsulated() ? 1 : 0; }

extern "C" int32_t dd_xfer_is_decodable(const char *uid) {
  if (is_jpeg2000(uid)) return 1;
  switch (DcmXfer(uid).getXfer()) {
    case EXS_LittleEndianImplicit:
    case EXS_LittleEndianExplicit:
    case EXS_BigEndianExplicit:
    case EXS_DeflatedLittleEndianExplicit:
    case EXS_RLELossless:
    case EXS_JPEGProcess1:
    case EXS_JPEGProcess2_4:
    case EXS_JPEGProcess14:
    case EXS_JPEGProcess14SV1:
    case EXS_JPEGLSLossless:
    case EXS_JPEGLSLossy:
      return 1;
    default:
      return 0;
  }
}
