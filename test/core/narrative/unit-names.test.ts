// Unit names in footnotes: the words all units share at the start are dropped, by whole words,
// never cutting a place name; the head says them when they name the kind of unit.
import { bodyUnitName, sharedPrefix, shortUnitNames } from "../../../src/core/narrative/unit-names";

describe("shortUnitNames", () => {
  it("drops the level words all provinces share and says them at the head (seed 001)", () => {
    expect(shortUnitNames(["LĐLĐ tỉnh Lai Châu", "LĐLĐ tỉnh Điện Biên"])).toEqual({
      prefix: "LĐLĐ tỉnh",
      names: ["Lai Châu", "Điện Biên"],
      head: "LĐLĐ tỉnh:",
    });
  });

  it("keeps the level word when units differ in it, under 'Trong đó:'", () => {
    expect(shortUnitNames(["LĐLĐ huyện Tam Đường", "LĐLĐ thành phố Lai Châu"])).toEqual({
      prefix: "LĐLĐ",
      names: ["huyện Tam Đường", "thành phố Lai Châu"],
      head: "Trong đó:",
    });
  });

  it("never cuts a place name that units happen to start alike", () => {
    expect(sharedPrefix(["LĐLĐ huyện Tam Đường", "LĐLĐ huyện Tam Nông"])).toBe("LĐLĐ huyện");
    expect(sharedPrefix(["Công đoàn ngành Y tế", "Công đoàn ngành Giáo dục"])).toBe(
      "Công đoàn ngành"
    );
  });

  it("works on whole words and leaves no name empty", () => {
    expect(sharedPrefix(["LĐLĐ tỉnh Lai Châu", "LĐLĐ tỉnhX Lai Châu"])).toBe("LĐLĐ");
    expect(sharedPrefix(["LĐLĐ tỉnh", "LĐLĐ tỉnh Sơn La"])).toBe("LĐLĐ");
    expect(shortUnitNames(["CĐCS Trường A", "Công ty B"]).names).toEqual([
      "CĐCS Trường A",
      "Công ty B",
    ]);
    expect(shortUnitNames(["LĐLĐ tỉnh Lai Châu"])).toMatchObject({
      prefix: "",
      names: ["LĐLĐ tỉnh Lai Châu"],
      head: "Trong đó:",
    });
  });

  it("ignores extra spaces in the names", () => {
    expect(shortUnitNames(["LĐLĐ  tỉnh Lai Châu ", "LĐLĐ tỉnh  Sơn La"]).names).toEqual([
      "Lai Châu",
      "Sơn La",
    ]);
  });

  it("writes a name typed in capitals as body text does, places and regions capitalised", () => {
    expect(bodyUnitName("LĐLĐ TỈNH BẮC GIANG")).toBe("LĐLĐ tỉnh Bắc Giang");
    expect(bodyUnitName("CÔNG ĐOÀN VIÊN CHỨC TỈNH")).toBe("Công đoàn Viên chức tỉnh");
    // "7 tỉnh" counts provinces and names none; "phía Bắc" is a region (seed 001).
    expect(bodyUnitName("CỤM THI ĐUA LĐLĐ 7 TỈNH BIÊN GIỚI PHÍA BẮC")).toBe(
      "Cụm thi đua LĐLĐ 7 tỉnh biên giới phía Bắc"
    );
    expect(bodyUnitName("LĐLĐ tỉnh Lai Châu")).toBe("LĐLĐ tỉnh Lai Châu");
  });
});
