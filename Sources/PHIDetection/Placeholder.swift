public enum PHIDetectionPlaceholder {}
