package io.neuralbytes.datasets;

import java.net.URI;
import java.util.List;

/**
 * Every dataset this project uses, with where its authors publish it and how it is checked.
 *
 * <ul>
 *   <li>CIFAR-10, binary version: the archive published by its authors at the University of
 *       Toronto, checked against the MD5 they publish beside it. It unpacks to
 *       {@value Cifar10#FOLDER}.
 *   <li>Eight Jules Verne novels from Project Gutenberg, by ebook number, each checked
 *       against the SHA-256 of the copy this project was tested with. Gutenberg publishes
 *       no checksums and revises its files now and then, so a newer revision fails that
 *       check.
 * </ul>
 */
public final class Catalogue {

    public static final URI CIFAR10_ARCHIVE =
            URI.create("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz");
    public static final String CIFAR10_ARCHIVE_MD5 = "c32a1d4ab5d03f1284b67883e8d87530";
    public static final URI GUTENBERG = URI.create("https://www.gutenberg.org/");

    /** The novels, in the order the original used them and then the rest. */
    public static final List<Novel> NOVELS = List.of(
            new Novel(103, "Around the World in Eighty Days", "around-the-world-in-eighty-days",
                    "68c9e8e45147430484fcf8affa5cfdb7b83ad0bf2ac47f49959354240a3fa409"),
            new Novel(3809, "The Master of the World", "the-master-of-the-world",
                    "dfa1583fef4c2b78246b2464a01485a7ad5d0b61be39db2234f3c4340c347348"),
            new Novel(1268, "The Mysterious Island", "the-mysterious-island",
                    "dde0f82a21385422c961a3e671b483b04f83bcd4ef926b245c58eede431cb6b4"),
            new Novel(83, "From the Earth to the Moon", "from-the-earth-to-the-moon",
                    "8bb3985f44b399758c7aa98771352a5ebf578547d913806a74b424c75092653e"),
            new Novel(18857, "Journey to the Centre of the Earth",
                    "journey-to-the-centre-of-the-earth",
                    "75c29f92cdb0ee3a5dbcdf1af227fd23b98820e8d87ab9afff6acf3bedf6cceb"),
            new Novel(3526, "Five Weeks in a Balloon", "five-weeks-in-a-balloon",
                    "4f90c4ce1bbd1fc8d9e92cbe56ff17d182419c6d2d6f41e7516cc586a215b805"),
            new Novel(1353, "Off on a Comet", "off-on-a-comet",
                    "cd1adf724b41f1ee003dfaf5e620cec45f53fb0c3262d4710dc9e15038fb7c63"),
            new Novel(2488, "Twenty Thousand Leagues Under the Seas",
                    "twenty-thousand-leagues-under-the-seas",
                    "e40014c9df89f8cd7778e21c52186db2fd35d1674dc93db2d8fad4a54c990797"));

    private Catalogue() {
    }

    /**
     * Returns the catalogue entry of a novel.
     *
     * @throws IllegalArgumentException if the ebook number is not in the catalogue
     */
    public static Novel novel(int ebook) {
        for (Novel novel : NOVELS) {
            if (novel.ebook() == ebook) {
                return novel;
            }
        }
        StringBuilder known = new StringBuilder();
        for (Novel novel : NOVELS) {
            known.append(known.length() == 0 ? "" : ", ").append(novel.ebook());
        }
        throw new IllegalArgumentException("Gutenberg ebook " + ebook
                + " is not in the catalogue; expected one of " + known);
    }
}
