package dev.nabla.data;

/** What {@link ImageFolder} does with an image file it cannot read. */
public enum UnreadablePolicy {
    /** Leave the file out and list it in {@link ImageFolder#skipped()}. */
    SKIP,
    /** Fail opening the folder with an exception naming the file and the reason. */
    FAIL
}
