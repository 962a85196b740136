package org.digitbench.data;

import org.digitbench.api.DigitbenchException;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Files in a folder that may have been handed over (a run folder, a dataset folder): every file in one is untrusted,
 * so no symbolic link in it is ever followed, for reading or writing. A write goes into a temporary file created new
 * (never through a link left in its place) and is renamed over its target; a target, a folder or a file to read that
 * is a link is refused with a message naming the link.
 */
public final class SafeFiles {
    private static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};

    /** Writes a file's content to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private SafeFiles() {
    }

    /** Refuses {@code path} when it is a symbolic link. */
    public static Path requireNoLink(Path path, String what) {
        if (Files.isSymbolicLink(path)) {
            String target;
            try {
                target = String.valueOf(Files.readSymbolicLink(path));
            } catch (IOException | UnsupportedOperationException e) {
                target = "?";
            }
            throw new DigitbenchException(what + ": " + path + " is a symbolic link (to " + target + "); digitbench follows "
                    + "no link inside a run or dataset folder: replace it with the file or folder itself");
        }
        return path;
    }

    /**
     * Refuses {@code path} when it, or any folder between {@code root} (itself included) and it, is a symbolic link.
     * {@code path} must lie inside {@code root}.
     */
    public static Path requireNoLinkBelow(Path root, Path path, String what) {
        requireNoLink(root.normalize(), what);
        return requireNoLinkInside(root, path, what);
    }

    /**
     * Refuses {@code path} when it, or any folder between {@code root} (left out: an output folder the user named may be
     * a link) and it, is a symbolic link. {@code path} must lie inside {@code root}.
     */
    public static Path requireNoLinkInside(Path root, Path path, String what) {
        Path base = root.normalize();
        Path p = path.normalize();
        if (!p.startsWith(base)) {
            throw new DigitbenchException(what + ": " + path + " is not inside " + root);
        }
        Path at = base;
        for (Path part : base.relativize(p)) {
            at = at.resolve(part);
            requireNoLink(at, what);
        }
        return path;
    }

    /** Whether {@code path} is a regular file itself, not a link to one. */
    public static boolean isRegularFile(Path path) {
        return Files.isRegularFile(path, NO_FOLLOW);
    }

    /** Makes the folder {@code dir} (and its parents) where it is missing; refuses it when it is a link or a file. */
    public static Path createDirectory(Path dir, String what) {
        requireNoLink(dir, what);
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw new DigitbenchException(what + ": " + dir + " is a file, not a folder", e);
        } catch (IOException e) {
            throw new DigitbenchException(what + ": cannot create the folder " + dir + ": " + e.getMessage(), e);
        }
        requireNoLink(dir, what);
        return dir;
    }

    /**
     * Writes {@code dir/name} atomically without following a link: {@code dir} must be a folder itself; the temporary
     * file {@code name.tmp} is created new (a regular file left there by a crash is removed first, a link is refused);
     * it is then renamed over the target, which must not be a link either.
     *
     * @return the target
     */
    public static Path writeAtomically(Path dir, String name, Content content) {
        return writeAtomically(dir, name, content, false);
    }

    /**
     * As {@link #writeAtomically(Path, String, Content)}, in a folder the user named that may itself be a link (an
     * output folder such as {@code reports/}, never a run folder): the folder is not checked, the files in it are.
     */
    public static Path writeAtomicallyInOutputFolder(Path dir, String name, Content content) {
        return writeAtomically(dir, name, content, true);
    }

    private static Path writeAtomically(Path dir, String name, Content content, boolean folderMayBeLink) {
        Path target = dir.resolve(name);
        String what = "cannot write " + target;
        if (!folderMayBeLink) {
            requireNoLink(dir, what);
        }
        if (!Files.isDirectory(dir)) {
            throw new DigitbenchException(what + ": " + dir + " is not a folder");
        }
        requireNoLink(target, what);
        Path tmp = dir.resolve(name + ".tmp");
        requireNoLink(tmp, what);
        try {
            Files.deleteIfExists(tmp); // a crash's leftover: a regular file (a link was refused above)
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS)) {
                content.writeTo(out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            throw new DigitbenchException(what + ": " + e.getMessage(), e);
        }
    }
}
