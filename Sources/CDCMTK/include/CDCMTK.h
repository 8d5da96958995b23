// CDCMTK — a pure C API over DCMTK, the only C++ in dcmdeid.
//
// Conventions (after swift-llbuild's C API): opaque handles, create/free
// pairs, `dd_noun_verb` names, errors through a caller-owned `dd_error_t`.
// Every function catches all C++ exceptions and reports them as a failed
// status; nothing throws across this boundary.
//
// Status: every `int` result is 0 on success, non-zero on failure, and on
// failure `err->message` holds DCMTK's condition text (or ours).
#ifndef CDCMTK_H
#define CDCMTK_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#pragma clang assume_nonnull begin

/// A loaded DICOM file (DcmFileFormat). Owned by the caller; free with dd_file_free.
typedef struct dd_file_t_ dd_file_t;
/// A dataset or sequence item inside a dd_file_t; borrowed, valid while the file lives
/// and the item is not removed.
typedef struct dd_item_t_ dd_item_t;

typedef struct dd_error_t {
  char message[1024];
} dd_error_t;

/// One element of an item, as listed by dd_item_element_at.
typedef struct dd_element_info_t {
  uint16_t group;
  uint16_t element;
  char vr[4];            ///< two-letter VR, NUL-terminated
  uint32_t length;       ///< value length in bytes (0xFFFFFFFF when undefined)
  uint32_t item_count;   ///< items of a sequence, fragments of encapsulated pixel data
  int32_t is_sequence;
  int32_t is_encapsulated;
} dd_element_info_t;

/// Pixel data decoded to the native (uncompressed, interleaved, little-endian) form.
typedef struct dd_decoded_pixels_t {
  uint8_t *_Nullable data;   ///< malloc'd; free with dd_decoded_pixels_free
  size_t length;
  char photometric[24];      ///< photometric interpretation of `data` (may differ from the header, e.g. RGB after a YBR JPEG)
  int32_t planar_configuration; ///< of `data`: always 0 (interleaved) when samples > 1
} dd_decoded_pixels_t;

/// Limits applied while loading.
typedef struct dd_load_limits_t {
  uint32_t max_nesting_depth;   ///< deeper sequence nesting is refused
  uint64_t max_pixel_bytes;     ///< decoded pixel data larger than this is refused
} dd_load_limits_t;

/// Registers DCMTK's codecs once (JPEG, JPEG-LS, RLE decoders and lossless encoders). Thread-safe.
void dd_global_init(void);

/// DCMTK's version string, e.g. "3.6.7".
const char *dd_dcmtk_version(void);

// MARK: files

/// Loads a Part 10 file or a raw dataset (auto-detected). Parsing runs on a thread with a large
/// stack so that absurd nesting is refused instead of crashing; files nested deeper than the limit are refused.
dd_file_t *_Nullable dd_file_load(const char *path, dd_load_limits_t limits, dd_error_t *err);
/// Parses a dataset from memory (Part 10 with preamble, or a raw dataset in the given transfer syntax).
dd_file_t *_Nullable dd_file_load_buffer(const void *bytes, size_t length, const char *_Nullable raw_xfer_uid,
                                         dd_load_limits_t limits, dd_error_t *err);
/// A new, empty file (no elements), e.g. for building synthetic instances.
dd_file_t *dd_file_create(void);
void dd_file_free(dd_file_t *_Nullable file);

/// The dataset and the file meta information of a file.
dd_item_t *dd_file_dataset(dd_file_t *file);
dd_item_t *dd_file_meta(dd_file_t *file);

/// The transfer syntax the dataset was read in (UID), and whether the file had a meta header.
const char *dd_file_original_xfer(dd_file_t *file);
int32_t dd_file_had_meta_header(dd_file_t *file);

/// Writes the file to `path` (not atomic: the caller renames) as Part 10 in transfer syntax `xfer_uid`.
/// When the pixel data has to be re-encoded, only lossless encoders are used; a lossy target fails.
int dd_file_save(dd_file_t *file, const char *path, const char *xfer_uid, dd_error_t *err);
/// Decodes the PixelData of the dataset into native form without changing the dataset.
int dd_file_decode_pixels(dd_file_t *file, dd_load_limits_t limits, dd_decoded_pixels_t *out, dd_error_t *err);
void dd_decoded_pixels_free(dd_decoded_pixels_t *pixels);

/// Replaces PixelData with native pixels (OB when bits_allocated <= 8, else OW).
int dd_file_set_native_pixels(dd_file_t *file, const uint8_t *data, size_t length, uint16_t bits_allocated,
                              dd_error_t *err);

/// Name of a transfer syntax UID as DCMTK knows it ("" if unknown), and whether DCMTK or OpenJPEG here can decode it.
const char *dd_xfer_name(const char *uid);
int32_t dd_xfer_is_decodable(const char *uid);
int32_t dd_xfer_is_encapsulated(const char *uid);

// MARK: items

size_t dd_item_element_count(dd_item_t *item);
int dd_item_element_at(dd_item_t *item, size_t index, dd_element_info_t *out, dd_error_t *err);
/// Looks an element up in this item only. Returns 0 and fills `out` when present, 1 when absent.
int dd_item_find(dd_item_t *item, uint16_t group, uint16_t element, dd_element_info_t *out);

/// The element's whole value as stored (all values joined by backslash, no character-set conversion).
/// For binary VRs, the values are rendered as text by DCMTK. malloc'd: free with dd_buffer_free.
int dd_item_get_string(dd_item_t *item, uint16_t group, uint16_t element, char *_Nullable *_Nonnull out,
                       size_t *out_length, dd_error_t *err);
/// The element's value bytes, little-endian, for OB/OW/UN/OF/OD/OL/OV and numeric binary VRs. malloc'd.
int dd_item_get_bytes(dd_item_t *item, uint16_t group, uint16_t element, uint8_t *_Nullable *_Nonnull out,
                      size_t *out_length, dd_error_t *err);

/// Sets an element's value from text, creating it when absent. `vr` is needed for tags the dictionary
/// does not know (private ones); pass NULL to use the dictionary's VR (or the existing element's).
int dd_item_put_string(dd_item_t *item, uint16_t group, uint16_t element, const char *_Nullable vr,
                       const char *value, size_t length, dd_error_t *err);
/// Sets a binary value (little-endian bytes), creating the element when absent.
int dd_item_put_bytes(dd_item_t *item, uint16_t group, uint16_t element, const char *_Nullable vr,
                      const uint8_t *_Nullable bytes, size_t length, dd_error_t *err);
/// Makes an element zero-length (sequences lose all their items). Absent elements are created empty.
int dd_item_put_empty(dd_item_t *item, uint16_t group, uint16_t element, const char *_Nullable vr, dd_error_t *err);
/// Removes an element from this item (not from nested items). Absent is not an error.
int dd_item_remove(dd_item_t *item, uint16_t group, uint16_t element, dd_error_t *err);

/// Item `index` of the sequence (group,element).
dd_item_t *_Nullable dd_item_sequence_item(dd_item_t *item, uint16_t group, uint16_t element, size_t index,
                                           dd_error_t *err);
/// Appends a new, empty item to the sequence (group,element), creating the sequence when absent.
dd_item_t *_Nullable dd_item_sequence_append(dd_item_t *item, uint16_t group, uint16_t element, dd_error_t *err);

// MARK: data dictionary

/// The tag and VR of a standard keyword (e.g. "PatientName"). Returns 0 when found, 1 otherwise.
int dd_dictionary_find_keyword(const char *keyword, uint16_t *group, uint16_t *element, char vr[_Nonnull 4]);
/// The keyword and VR of a tag. Returns 0 when the dictionary knows it, 1 otherwise.
int dd_dictionary_describe(uint16_t group, uint16_t element, char *keyword, size_t keyword_size, char vr[_Nonnull 4]);

void dd_buffer_free(void *_Nullable buffer);

#pragma clang assume_nonnull end

#ifdef __cplusplus
}
#endif

#endif
