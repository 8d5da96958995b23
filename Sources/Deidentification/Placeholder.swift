// Placeholder replaced by the profile engine.
public enum DeidentificationPlaceholder {}
