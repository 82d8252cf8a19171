package dev.customersync.state;

import java.sql.Connection;
import java.sql.DriverManager;

/** A second process that holds an H2 file open until its standard input closes. */
public final class H2FileHolder {

  private H2FileHolder() {}

  public static void main(String[] args) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + args[0])) {
      c.createStatement().execute("SELECT 1");
      System.out.println("open");
      System.out.flush();
      while (System.in.read() >= 0) {
        // Wait for the parent to close our input (or to die).
      }
    }
  }
}
