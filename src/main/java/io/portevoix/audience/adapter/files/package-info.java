/** Reading imported spreadsheets: CSV with FastCSV (encoding and separator detected), XLSX with fastexcel. */
@NullMarked
@SecondaryAdapter
package io.portevoix.audience.adapter.files;

import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.jspecify.annotations.NullMarked;
