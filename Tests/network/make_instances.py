"""Writes small CT instances with fake PHI for the network tests of `dcmdeid serve`.

    make_instances.py TEMPLATE OUTDIR --count N [--studies S] [--series-per-study K] [--tag T] [--us]

Each instance is a copy of TEMPLATE (a small uncompressed CT; when the file is absent, a 64x64
synthetic CT made here) with its own SOP Instance UID, spread
over S studies of K series; patient name, ID, birth date and accession number are fake PHI that must
not reach the archive. UIDs derive from --tag, so two runs with the same arguments write the same
files. --us adds one ultrasound instance without BurnedInAnnotation, which `--pixels off` refuses.
"""
import argparse
import os

import pydicom
from pydicom.dataset import FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, generate_uid


def synthetic_ct():
    ds = pydicom.Dataset()
    ds.file_meta = FileMetaDataset()
    ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds.SOPClassUID = ds.file_meta.MediaStorageSOPClassUID = "1.2.840.10008.5.1.4.1.1.2"
    ds.Modality = "CT"
    ds.StudyDate = "20240102"
    ds.Rows = ds.Columns = 64
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.BitsAllocated = 16
    ds.BitsStored = 12
    ds.HighBit = 11
    ds.PixelRepresentation = 0
    ds.PixelData = bytes(range(256)) * 32
    return ds


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("template")
    parser.add_argument("outdir")
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--studies", type=int, default=1)
    parser.add_argument("--series-per-study", type=int, default=2)
    parser.add_argument("--tag", default="net")
    parser.add_argument("--us", action="store_true")
    args = parser.parse_args()
    os.makedirs(args.outdir, exist_ok=True)
    template = pydicom.dcmread(args.template) if os.path.exists(args.template) else synthetic_ct()

    def uid(*parts):
        return generate_uid(entropy_srcs=[args.tag, *map(str, parts)])

    for index in range(args.count):
        study = index % args.studies
        series = (index // args.studies) % args.series_per_study
        ds = template.copy()
        ds.PatientName = f"DOE^JOHN^{args.tag}{study}"
        ds.PatientID = f"MRN-{args.tag}-{study}"
        ds.PatientBirthDate = "19600101"
        ds.AccessionNumber = f"ACC{study:05d}"
        ds.InstitutionName = "GENERAL HOSPITAL"
        ds.StudyInstanceUID = uid("study", study)
        ds.SeriesInstanceUID = uid("series", study, series)
        ds.SOPInstanceUID = uid("instance", index)
        ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
        ds.InstanceNumber = index + 1
        ds.save_as(os.path.join(args.outdir, f"{index:05d}.dcm"), enforce_file_format=True)
    if args.us:
        ds = template.copy()
        ds.Modality = "US"
        ds.SOPClassUID = "1.2.840.10008.5.1.4.1.1.6.1"
        ds.file_meta.MediaStorageSOPClassUID = ds.SOPClassUID
        ds.SOPInstanceUID = uid("ultrasound")
        ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
        if "BurnedInAnnotation" in ds:
            del ds.BurnedInAnnotation
        ds.save_as(os.path.join(args.outdir, "us.dcm"), enforce_file_format=True)


if __name__ == "__main__":
    main()
