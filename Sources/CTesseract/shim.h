// Tesseract's C API (libtesseract-dev) and Leptonica's, for PixelRedaction's OCR engine.
#include <tesseract/capi.h>
